-- NewsLsp for Neovim: detects article files and starts `newslsp serve` for them.
-- Works on Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client) and later (vim.lsp.start).
--
--   require('newslsp').setup({
--     cmd = nil,            -- default: the repository's newest build (dotnet .../newslsp.dll serve), else `newslsp serve`
--     filetype = 'newsarticle',
--     patterns = {},        -- extra Lua patterns of full paths that are articles, e.g. { '/articles/.*%.md$' }
--     project_files = true, -- *.txt/*.md files under a folder with newslsp.json are articles
--     root_markers = { 'newslsp.json', '.git' },
--     settings = { newslsp = { rules = { NEWS002 = 'none' } } }, -- same shape as newslsp.json
--     on_attach = nil,      -- function(client, bufnr)
--     on_exit = nil,        -- function(code, signal, client_id)
--   })
local M = {}

local uv = vim.loop
local sep = package.config:sub(1, 1)

M.defaults = {
  cmd = nil,
  filetype = 'newsarticle',
  patterns = {},
  project_files = true,
  root_markers = { 'newslsp.json', '.git' },
  settings = { newslsp = {} },
  on_attach = nil,
  on_exit = nil,
  on_init = nil,
  name = 'newslsp',
}

M.config = nil
-- On Neovim 0.7 there is no vim.lsp.start: one client per root directory, kept here.
M.clients = {}

local function is_file(path)
  local stat = path and uv.fs_stat(path)
  return stat ~= nil and stat.type == 'file'
end

local function dirname(path)
  return path:match('^(.*)' .. sep .. '[^' .. sep .. ']*$') or path
end

local function join(...)
  return table.concat({ ... }, sep)
end

-- Walks up from `path` (a directory) and returns the first directory for which `found(dir)` is true.
local function find_up(path, found)
  local dir = path
  while dir and dir ~= '' do
    if found(dir) then return dir end
    local parent = dirname(dir)
    if parent == dir then break end
    dir = parent
  end
  if found(sep) then return sep end
  return nil
end

-- The repository's builds of the server: what `./newslsp` publishes (precompiled: the server starts and answers its
-- first requests without JIT compilation) and what `dotnet build -c Release` makes.
local REPO_BUILDS = {
  join('artifacts', 'newslsp', 'newslsp.dll'),
  join('src', 'NewsLsp.Cli', 'bin', 'Release', 'net10.0', 'newslsp.dll'),
}

-- The newest of the builds in `repo`: the others were made before the last change to the sources someone built.
local function newest_build(repo)
  local best, best_time
  for _, build in ipairs(REPO_BUILDS) do
    local stat = uv.fs_stat(join(repo, build))
    if stat and stat.type == 'file' then
      local time = stat.mtime.sec + stat.mtime.nsec / 1e9
      if best == nil or time > best_time then best, best_time = join(repo, build), time end
    end
  end
  return best
end

-- This file is editors/nvim/lua/newslsp/init.lua inside a NewsLsp checkout when used from the repository.
local function plugin_dir()
  local source = debug.getinfo(1, 'S').source:gsub('^@', '')
  return dirname(dirname(dirname(source)))
end

--- The server command: the newest build of the NewsLsp repository containing `root` (or this plugin), else
--- `newslsp` on PATH (the dotnet tool), else ~/.dotnet/tools/newslsp. Returns nil when none is found.
function M.default_cmd(root)
  for _, start in ipairs({ root, plugin_dir() }) do
    if start then
      local repo = find_up(start, function(dir) return newest_build(dir) ~= nil end)
      if repo then return { 'dotnet', newest_build(repo), 'serve' } end
    end
  end
  if vim.fn.executable('newslsp') == 1 then return { 'newslsp', 'serve' } end
  local home_tool = join(uv.os_homedir(), '.dotnet', 'tools', 'newslsp')
  if is_file(home_tool) then return { home_tool, 'serve' } end
  return nil
end

--- The workspace root for a file: the nearest folder upward with one of the root markers, else the file's folder.
function M.root_dir(path)
  local dir = dirname(path)
  for _, marker in ipairs(M.config.root_markers) do
    local root = find_up(dir, function(d) return uv.fs_stat(join(d, marker)) ~= nil end)
    if root then return root end
  end
  return dir
end

--- Whether a file (full path) is an article: a configured pattern matches, or it is a .txt/.md file under a
--- folder with newslsp.json (and not README.md/CHANGELOG.md).
function M.is_article(path)
  if path == nil or path == '' then return false end
  for _, pattern in ipairs(M.config.patterns) do
    if path:match(pattern) then return true end
  end
  if not M.config.project_files then return false end
  if not (path:match('%.txt$') or path:match('%.md$')) then return false end
  local name = path:match('[^' .. sep .. ']+$') or ''
  if name == 'README.md' or name == 'CHANGELOG.md' then return false end
  return find_up(dirname(path), function(d) return is_file(join(d, 'newslsp.json')) end) ~= nil
end

local function client_config(root)
  local config = M.config
  local cmd = config.cmd
  if type(cmd) == 'function' then cmd = cmd(root) end
  cmd = cmd or M.default_cmd(root)
  if not cmd then
    vim.notify('newslsp: cannot find the server: install it (dotnet tool install -g newslsp), build the repository, or pass cmd to setup()', vim.log.levels.ERROR)
    return nil
  end
  return {
    name = config.name,
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = config.settings,
    on_attach = config.on_attach,
    on_exit = config.on_exit,
    -- Neovim before 0.10 answers workspace/configuration but does not say so in its capabilities, so the server
    -- cannot pull the settings: push them once the connection is up (as nvim-lspconfig does). A server that can
    -- pull pulls again on this notification, which is harmless.
    on_init = function(client)
      if config.settings and next(config.settings) ~= nil then
        client.notify('workspace/didChangeConfiguration', { settings = config.settings })
      end
      if config.on_init then config.on_init(client) end
      return true
    end,
  }
end

--- Starts (or reuses) the client for the buffer's root and attaches the buffer. Returns the client id.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == '' then return nil end
  local root = M.root_dir(path)
  if vim.lsp.start then
    local config = client_config(root)
    if not config then return nil end
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = M.clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.get_client_by_id(id).is_stopped() then
    local config = client_config(root)
    if not config then return nil end
    id = vim.lsp.start_client(config)
    M.clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

--- Stops every NewsLsp client and attaches the article buffers to fresh ones.
function M.restart()
  local buffers = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == M.config.name then
      for bufnr in pairs(client.attached_buffers or {}) do table.insert(buffers, bufnr) end
      client.stop()
    end
  end
  M.clients = {}
  vim.wait(5000, function()
    for _, client in pairs(vim.lsp.get_active_clients()) do
      if client.name == M.config.name then return false end
    end
    return true
  end, 50)
  for _, bufnr in ipairs(buffers) do
    if vim.api.nvim_buf_is_loaded(bufnr) then M.attach(bufnr) end
  end
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  if opts and opts.patterns then M.config.patterns = opts.patterns end
  if opts and opts.root_markers then M.config.root_markers = opts.root_markers end
  local group = vim.api.nvim_create_augroup('newslsp', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    callback = function(args)
      if M.is_article(vim.api.nvim_buf_get_name(args.buf)) then
        vim.api.nvim_buf_set_option(args.buf, 'filetype', M.config.filetype)
      end
    end,
  })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetype,
    callback = function(args) M.attach(args.buf) end,
  })
  vim.api.nvim_create_user_command('NewsLspRestart', function() M.restart() end, { desc = 'Restart the NewsLsp server' })
  return M
end

return M
