-- Drives the AIMS language server with Neovim's own LSP client, headless, and writes what Neovim
-- received as one JSON object: every publishDiagnostics in the order it arrived, the diagnostics
-- Neovim holds for the buffer at the end, a completion and a hover. Used by test/lsp/nvim.test.ts:
--   AIMS_NVIM_PROBE=<config.json> nvim --headless --clean -n -i NONE -c 'luafile test/lsp/nvim-probe.lua'
-- config: { cmd = {...}, root, file, line, character (0-based), settings, timeoutMs, out }.
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).

local config = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('AIMS_NVIM_PROBE')), '\n'))
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor, publishes = {} }

local function write_and_quit(code)
  vim.fn.writefile({ vim.json.encode(result) }, config.out)
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

local function wait_for(what, cond)
  if not vim.wait(config.timeoutMs, cond, 20) then
    result.error = 'timed out waiting for ' .. what
    return false
  end
  return true
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(config.file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'aims'
  local uri = vim.uri_from_bufnr(buf)

  local initialized, exited = false, false
  local client_config = {
    name = 'aims',
    cmd = config.cmd,
    root_dir = config.root,
    settings = config.settings,
    get_language_id = function() return 'aims' end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, cfg)
        local seen = {}
        for _, d in ipairs(params.diagnostics) do
          seen[#seen + 1] = { code = d.code, line = d.range.start.line, message = d.message }
        end
        local file = vim.uri_to_fname(params.uri):sub(#config.root + 2)
        result.publishes[#result.publishes + 1] = { file = file, diagnostics = seen }
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, cfg)
      end,
    },
    on_init = function(client)
      initialized = true
      -- Neovim 0.7 does not offer workspace/configuration: settings are pushed, as nvim-lspconfig does.
      client.notify('workspace/didChangeConfiguration', { settings = config.settings })
    end,
    on_exit = function() exited = true end,
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(client_config, { bufnr = buf })
  else
    client_id = vim.lsp.start_client(client_config)
    if client_id then vim.lsp.buf_attach_client(buf, client_id) end
  end
  if not client_id then
    result.error = 'the client did not start'
    return 2
  end
  if not wait_for('initialize', function() return initialized or exited end) or exited then return 2 end

  -- Findings for the opened file; then a quiet second, so a late re-publish (or a retraction) is seen.
  local function published_for_file()
    for _, p in ipairs(result.publishes) do
      if vim.uri_from_fname(config.root .. '/' .. p.file) == uri then return true end
    end
    return false
  end
  if not wait_for('diagnostics', published_for_file) then return 1 end
  vim.wait(1000, function() return false end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    result.diagnostics[#result.diagnostics + 1] = { line = d.lnum, message = d.message }
  end

  local position = { textDocument = { uri = uri }, position = { line = config.line, character = config.character } }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/completion', position, config.timeoutMs) or {}
  result.completion = {}
  for _, r in pairs(replies) do
    for _, item in ipairs((r.result and (r.result.items or r.result)) or {}) do
      result.completion[#result.completion + 1] = item.label
    end
  end
  replies = vim.lsp.buf_request_sync(buf, 'textDocument/hover', position, config.timeoutMs) or {}
  for _, r in pairs(replies) do
    if r.result then
      result.hover = table.concat(vim.lsp.util.convert_input_to_markdown_lines(r.result.contents), '\n')
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return exited end, 20)
  return 0
end

local ok, code = xpcall(run, debug.traceback)
if not ok then result.error = tostring(code) end
write_and_quit(ok and code or 2)
