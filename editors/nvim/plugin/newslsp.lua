-- Nothing starts until require('newslsp').setup() is called (see editors/nvim/README.md).
if vim.g.loaded_newslsp then return end
vim.g.loaded_newslsp = true
