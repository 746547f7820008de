// Preloaded with `node --require` in tests: any attempt to open a socket or resolve a name throws, so a
// feature that tries to reach the network fails loudly instead of silently working on this machine.
const net = require('node:net');
const dns = require('node:dns');
const fail = (what) => () => {
  throw new Error(`network access attempted (${what}) while the network is forbidden`);
};
net.Socket.prototype.connect = fail('net.Socket.connect');
net.connect = net.createConnection = fail('net.connect');
dns.lookup = dns.resolve = fail('dns');
if (globalThis.fetch) globalThis.fetch = fail('fetch');
