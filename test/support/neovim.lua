-- Drives a real Neovim (0.7 and later) as a user's LSP setup would: opens a post, starts the
-- Talkdown server for its site, waits for diagnostics and writes what Neovim shows as JSON.
local post, root, out = vim.env.TALKDOWN_POST, vim.env.TALKDOWN_ROOT, vim.env.TALKDOWN_OUT
local messages = {}
vim.cmd('edit ' .. vim.fn.fnameescape(post))
local bufnr = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'talkdown',
  cmd = { vim.env.TALKDOWN_NODE, vim.env.TALKDOWN_SERVER, '--stdio' },
  root_dir = root,
  handlers = {
    ['window/logMessage'] = function(_, result) table.insert(messages, result.message) end,
    ['window/showMessage'] = function(_, result) table.insert(messages, result.message) end,
  },
})
vim.lsp.buf_attach_client(bufnr, id)
vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.severity == vim.diagnostic.severity.ERROR then return true end
  end
  return false
end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(found, { line = d.lnum, code = code, severity = d.severity, source = d.source })
end
local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 10000) or {}
local names = {}
for _, response in pairs(symbols) do
  for _, symbol in ipairs(response.result or {}) do table.insert(names, symbol.name) end
end
vim.fn.writefile({ vim.fn.json_encode({ diagnostics = found, symbols = names, messages = messages }) }, out)
vim.lsp.stop_client(id)
vim.cmd('qa!')
