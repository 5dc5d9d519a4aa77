import { hostname } from 'node:os';
import { foreignRequest, ownHostNames } from '../../src/console/sign-in.controller';

/** POST /auth/dev-token's DNS-rebinding check, for the HOST settings the e2e test cannot start with. */
describe('which requests may have a development token', () => {
  it('a server bound to every address answers to loopback names and its own hostname, not to any name', () => {
    for (const host of ['0.0.0.0', '::']) {
      expect(ownHostNames(host)).toEqual(new Set(['localhost', '127.0.0.1', '[::1]', hostname().toLowerCase()]));
      expect(foreignRequest('attacker.example:3000', undefined, host)).not.toBeNull();
    }
  });

  it('a server bound to one name or address answers to it, an IPv6 address in brackets', () => {
    expect(foreignRequest('netra.lan:3000', 'https://netra.lan:3000', 'netra.lan')).toBeNull();
    expect(foreignRequest('[fd00::7]:3000', undefined, 'fd00::7')).toBeNull();
    expect(foreignRequest('netra.lan.attacker.example', undefined, 'netra.lan')).not.toBeNull();
  });

  it('refuses a missing or malformed Host, and an Origin of another scheme, host or port', () => {
    expect(foreignRequest(undefined, undefined, '127.0.0.1')).not.toBeNull();
    expect(foreignRequest('localhost:3000@attacker.example', undefined, '127.0.0.1')).not.toBeNull();
    expect(foreignRequest('localhost:3000', 'http://localhost:3001', '127.0.0.1')).not.toBeNull();
    expect(foreignRequest('localhost:3000', 'file://localhost:3000', '127.0.0.1')).not.toBeNull();
    expect(foreignRequest('LOCALHOST:3000', 'http://localhost:3000', '127.0.0.1')).toBeNull();
  });
});
