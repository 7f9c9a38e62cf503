// A real OpenID Connect provider for the SSO tests: panva's node-oidc-provider
// (OpenID Certified) with its development sign-in pages. The accounts and the
// client come from the environment; it prints "listening <port>" when ready.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const accounts = JSON.parse(process.env.ACCOUNTS || '{}');
const clients = JSON.parse(process.env.CLIENTS);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients,
  async findAccount(ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...accounts[id] }; } };
  },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'schac_home_organization', 'eduperson_entitlement'],
  },
  features: { devInteractions: { enabled: true } },
});
provider.listen(port, '127.0.0.1', () => { console.log(`listening ${port}`); });
