// placeholder: replaced by the language server
