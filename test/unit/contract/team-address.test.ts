import { describe, expect, it } from 'vitest';
import { insecureAddressWarning, remoteAddressProblem } from '../../../electron/contract/team-address.js';

describe('remoteAddressProblem: which team databases the app links to', () => {
  it('takes https anywhere, and plain http to this machine', () => {
    for (const url of ['https://couch.example.org/newsroom', 'http://localhost:5984/newsroom', 'http://127.0.0.1:5984/news', 'http://[::1]:5984/news', '  https://couch.example.org:6984/a/ ']) {
      expect(remoteAddressProblem(url, {}), url).toBeNull();
    }
  });

  it('refuses plain http to another machine unless allowed, and then warns', () => {
    expect(remoteAddressProblem('http://couch.example.org/newsroom', {})).toMatch(/Plain http .*couch\.example\.org.*Use https:\/\//);
    expect(remoteAddressProblem('http://couch.example.org/newsroom', { allowInsecure: true })).toBeNull();
    expect(insecureAddressWarning('http://couch.example.org/newsroom')).toMatch(/^Not safe: plain http to couch\.example\.org/);
    expect(insecureAddressWarning('https://couch.example.org/newsroom')).toBeNull();
    expect(insecureAddressWarning('http://localhost:5984/newsroom')).toBeNull();
  });

  it('refuses a user name or password inside the address, even over https', () => {
    for (const url of ['https://ben:secret@couch.example.org/newsroom', 'http://ben@localhost:5984/newsroom']) {
      expect(remoteAddressProblem(url, { allowInsecure: true })).toMatch(/put the user name and password in their own fields/);
    }
  });

  it('refuses what is not a database address, saying what one looks like', () => {
    expect(remoteAddressProblem('couch.example.org/newsroom', {})).toMatch(/web address such as https:\/\//);
    expect(remoteAddressProblem('ftp://couch.example.org/newsroom', {})).toMatch(/web address/);
    expect(remoteAddressProblem('https://couch.example.org/', {})).toMatch(/names no database/);
    expect(remoteAddressProblem('https://couch.example.org/db?x=1', {})).toMatch(/no \? or # part/);
  });
});
