// placeholder: replaced by the client module
export function activate(): void {}
export function deactivate(): void {}
