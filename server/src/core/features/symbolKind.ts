/** LSP's SymbolKind numbers, declared here so that the core needs no protocol package. */
export const SymbolKind = {
  Module: 2,
  Namespace: 3,
  Property: 7,
  Field: 8,
  String: 15,
  Event: 24,
} as const;
