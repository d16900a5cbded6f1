-- Headless Neovim test of editors/nvim against the real `newslsp serve`: run by run-tests.sh as
--   nvim --headless -u NONE -c 'luafile tests/nvim/test.lua'
-- with NEWSLSP_REPO (the checkout) and NEWSLSP_WORK (a temporary copy of seeds/ with a newslsp.json) set.
-- Prints one line per check and "N passed, M failed" last; exits non-zero on a failure.
local repo = assert(os.getenv('NEWSLSP_REPO'), 'NEWSLSP_REPO')
local work = assert(os.getenv('NEWSLSP_WORK'), 'NEWSLSP_WORK')
local timeout = tonumber(os.getenv('NEWSLSP_TIMEOUT_MS') or '60000')
vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
vim.opt.swapfile = false
if os.getenv('NEWSLSP_LSP_LOG') then vim.lsp.set_log_level('debug') end

local passed, failed = 0, 0
local function out(line) io.stdout:write(line .. '\n') io.stdout:flush() end
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then passed = passed + 1 out('ok - ' .. name)
  else failed = failed + 1 out('not ok - ' .. name) out('    ' .. tostring(err):gsub('\n', '\n    ')) end
end
local function finish()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  out(string.format('%d passed, %d failed', passed, failed))
  vim.cmd(failed == 0 and 'qall!' or 'cquit!')
end

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end
local function find(diagnostics, code, lnum)
  for _, d in ipairs(diagnostics) do
    if code_of(d) == code and (lnum == nil or d.lnum == lnum) then return d end
  end
  return nil
end
local function describe(diagnostics)
  local parts = {}
  for _, d in ipairs(diagnostics) do table.insert(parts, string.format('%s@%d:%d', tostring(code_of(d)), d.lnum, d.col)) end
  return '{' .. table.concat(parts, ', ') .. '}'
end
local server_exit -- set when a server process ends: waiting longer is pointless then
local function wait_for(what, predicate)
  local ok = vim.wait(timeout, function() return server_exit ~= nil or predicate() end, 50)
  if ok and predicate() then return end
  if server_exit then error('the server exited (' .. server_exit .. ') while waiting for ' .. what, 2) end
  error('timed out after ' .. timeout .. ' ms waiting for ' .. what, 2)
end
local function client_of(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'newslsp' then return client end
  end
  return nil
end

local ok_setup, err_setup = pcall(function()
  require('newslsp').setup({
    -- The rule settings travel as the `newslsp` section (workspace/configuration): NEWS002 raised to error.
    settings = { newslsp = { rules = { NEWS002 = 'error' } } },
    on_exit = function(code, signal) server_exit = string.format('exit code %s, signal %s', tostring(code), tostring(signal)) end,
  })
end)
check('require("newslsp").setup() loads on ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), function()
  assert(ok_setup, err_setup)
end)

local f002 = work .. '/002_a8f9b7003806acf8.txt'
local f004 = work .. '/004_e53c9e50c8586f4d.txt'
vim.cmd('edit ' .. vim.fn.fnameescape(f002))
local b002 = vim.api.nvim_get_current_buf()

check('a .txt file under a folder with newslsp.json gets the newsarticle filetype', function()
  assert(vim.bo[b002].filetype == 'newsarticle', 'filetype is ' .. vim.bo[b002].filetype)
end)

local client
check('the newslsp client starts for it, rooted at the workspace, with the repository build', function()
  wait_for('a newslsp client', function() client = client_of(b002) return client ~= nil and client.initialized ~= false end)
  assert(client.config.root_dir == work, 'root_dir ' .. tostring(client.config.root_dir))
  local built = client.config.cmd[2]
  assert(client.config.cmd[1] == 'dotnet' and client.config.cmd[3] == 'serve'
    and (built == repo .. '/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll' or built == repo .. '/artifacts/newslsp/newslsp.dll'),
    'cmd ' .. table.concat(client.config.cmd, ' '))
  wait_for('initialize', function() return client.server_capabilities ~= nil or client.resolved_capabilities ~= nil end)
end)

check('with both repository builds, the server command is the newer one', function()
  local fake = vim.fn.tempname()
  local published = fake .. '/artifacts/newslsp/newslsp.dll'
  local built = fake .. '/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll'
  for _, file in ipairs({ published, built }) do
    vim.fn.mkdir(vim.fn.fnamemodify(file, ':h'), 'p')
    vim.fn.writefile({}, file)
  end
  vim.loop.fs_utime(built, 1700000000, 1700000000)
  vim.loop.fs_utime(published, 1600000000, 1600000000)
  local cmd = require('newslsp').default_cmd(fake)
  assert(cmd and cmd[2] == built, 'older `dotnet build` not taken: ' .. vim.inspect(cmd))
  vim.loop.fs_utime(published, 1800000000, 1800000000)
  cmd = require('newslsp').default_cmd(fake)
  assert(cmd and cmd[2] == published, 'newer ./newslsp publish not taken: ' .. vim.inspect(cmd))
  vim.fn.delete(fake, 'rf')
end)

check('NEWS003 (promotional boilerplate) on line 1 of 002', function()
  wait_for('diagnostics in 002', function() return find(vim.diagnostic.get(b002), 'NEWS003', 0) ~= nil end)
  local d = find(vim.diagnostic.get(b002), 'NEWS003', 0)
  assert(d.col == 0, 'col ' .. d.col)
  assert(d.severity == vim.diagnostic.severity.WARN, 'severity ' .. tostring(d.severity))
  assert(d.message:find('Sblocca la newsletter', 1, true), d.message)
end)

vim.cmd('edit ' .. vim.fn.fnameescape(f004))
local b004 = vim.api.nvim_get_current_buf()
check('NEWS004 (generic alt text) on lines 2 and 4 of 004, in the same client', function()
  wait_for('NEWS004 in 004', function() return find(vim.diagnostic.get(b004), 'NEWS004', 1) ~= nil end)
  local all = vim.diagnostic.get(b004)
  assert(find(all, 'NEWS004', 3) ~= nil, 'no NEWS004 on line 4: ' .. describe(all))
  assert(find(all, 'NEWS004', 1).message:find("'Immagine'", 1, true), find(all, 'NEWS004', 1).message)
  assert(client_of(b004) and client_of(b004).id == client.id, 'a second client was started')
end)

check('settings reach the server: NEWS002 is an error (default: information) in 004', function()
  -- The first diagnostics may predate the settings; the server republishes once it has pulled them.
  local ok = pcall(wait_for, 'NEWS002 as an error', function()
    local d = find(vim.diagnostic.get(b004), 'NEWS002', 0)
    return d ~= nil and d.severity == vim.diagnostic.severity.ERROR
  end)
  local d = find(vim.diagnostic.get(b004), 'NEWS002', 0)
  assert(d ~= nil, 'no NEWS002 on line 1: ' .. describe(vim.diagnostic.get(b004)))
  assert(ok and d.severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(d.severity))
end)

check('editing the buffer updates diagnostics: an unclosed quotation on a new line 3 gets NEWS001', function()
  vim.api.nvim_buf_set_lines(b004, 2, 2, false, { 'Il ministro ha detto: “Non ci sarà alcun accordo.' })
  wait_for('NEWS001 on line 3', function() return find(vim.diagnostic.get(b004), 'NEWS001', 2) ~= nil end)
  -- The image below moved down one line, and its diagnostic with it.
  local all = vim.diagnostic.get(b004)
  assert(find(all, 'NEWS004', 4) ~= nil and find(all, 'NEWS004', 3) == nil, 'NEWS004 did not move: ' .. describe(all))
  vim.api.nvim_buf_set_lines(b004, 2, 3, false, {})
  wait_for('NEWS001 to go away', function() return find(vim.diagnostic.get(b004), 'NEWS001') == nil end)
end)

-- Entity features (hover, go to definition): the server must offer them.
local caps = client and (client.server_capabilities or client.resolved_capabilities) or {}
local function has(cap_new, cap_old)
  return (caps[cap_new] ~= nil and caps[cap_new] ~= false) or (cap_old ~= nil and caps[cap_old] == true)
end
local zelenskyy = { line = 3, character = 2 } -- "Zelenskyy ha affermato…" (line 4 of 002)

check('the server offers hover and go to definition', function()
  assert(has('hoverProvider', 'hover'), 'no hoverProvider')
  assert(has('definitionProvider', 'goto_definition'), 'no definitionProvider')
end)

do
  check('hover on "Zelenskyy" (002 line 4) names the person and the full-name spelling', function()
    local results = vim.lsp.buf_request_sync(b002, 'textDocument/hover',
      { textDocument = { uri = vim.uri_from_bufnr(b002) }, position = zelenskyy }, 10000)
    local text
    for _, r in pairs(results or {}) do
      if r.result and r.result.contents then
        local c = r.result.contents
        text = type(c) == 'string' and c or c.value or vim.inspect(c)
      end
    end
    assert(text, 'no hover: ' .. vim.inspect(results))
    out('    hover: ' .. text:gsub('\n', ' / '):sub(1, 200))
    assert(text:find('(PER)', 1, true), text)
    assert(text:find('Volodymyr Zelenskyy', 1, true), text)
  end)
end

do
  check('go to definition of "Zelenskyy" (002 line 4) lands on "Volodymyr Zelenskyy" on line 2', function()
    vim.api.nvim_set_current_buf(b002)
    local results = vim.lsp.buf_request_sync(b002, 'textDocument/definition',
      { textDocument = { uri = vim.uri_from_bufnr(b002) }, position = zelenskyy }, 10000)
    local location
    for _, r in pairs(results or {}) do
      local res = r.result
      if res then location = res.uri and res or res[1] end
    end
    assert(location, 'no definition: ' .. vim.inspect(results))
    local uri = location.uri or location.targetUri
    local range = location.range or location.targetSelectionRange
    assert(vim.uri_to_fname(uri) == f002, 'uri ' .. uri)
    assert(range.start.line == 1, 'line ' .. range.start.line)
    local line = vim.api.nvim_buf_get_lines(b002, 1, 2, false)[1]
    -- LSP characters are UTF-16; line 2 starts with ASCII, so they are byte offsets here.
    local text = line:sub(range.start.character + 1, range['end'].character)
    out('    definition covers "' .. text .. '" at ' .. range.start.line .. ':' .. range.start.character)
    assert(text == 'Volodymyr Zelenskyy' and range.start.character == 15, 'range covers "' .. text .. '"')
  end)
end

finish()
