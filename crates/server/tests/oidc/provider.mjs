// A real OpenID Connect provider for the single sign-on tests: the certified
// `oidc-provider` package with its built-in development login form (any account below
// signs in by typing its email; the password is not checked).
//
// usage: node provider.mjs PORT REDIRECT_URI
// The client id and secret come from OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. The issuer is
// http://127.0.0.1:PORT. Prints "oidc-provider ready ISSUER" once it listens.
//
// GET /test/last-authorization answers the last authorization request's URL as it came
// in, so that a test can replay it with a parameter changed (a wrong nonce).

import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
if (!port || !redirectUri) {
  console.error('usage: node provider.mjs PORT REDIRECT_URI');
  process.exit(2);
}
const clientId = process.env.OIDC_CLIENT_ID || 'ambasada';
const clientSecret = process.env.OIDC_CLIENT_SECRET || 'ambasada-test-secret';
const issuer = `http://127.0.0.1:${port}`;

// The people the provider knows. Their subject is their email.
const accounts = new Map(
  [
    { email: 'anna@firma.example', given_name: 'Anna', family_name: 'Nowak' },
    { email: 'jan@firma.example', given_name: 'Jan', family_name: 'Kowalski' },
    { email: 'obcy@other.example', given_name: 'Olek', family_name: 'Obcy' },
  ].map((a) => [a.email, a]),
);

const configuration = {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  async findAccount(ctx, id) {
    const account = accounts.get(String(id).trim().toLowerCase());
    if (!account) return undefined;
    return {
      accountId: account.email,
      async claims() {
        return {
          sub: account.email,
          email: account.email,
          email_verified: true,
          name: `${account.given_name} ${account.family_name}`,
          given_name: account.given_name,
          family_name: account.family_name,
        };
      },
    };
  },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['ambasada-test-cookie-key'] },
  // The test client is first-party: its scopes are granted without a consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    if (!ctx.oidc.session.accountId) return undefined;
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
let lastAuthorization = '';
provider.use(async (ctx, next) => {
  if (ctx.path === '/auth' && ctx.method === 'GET') {
    lastAuthorization = `${issuer}${ctx.url}`;
  }
  if (ctx.path === '/test/last-authorization') {
    ctx.type = 'text/plain';
    ctx.body = lastAuthorization;
    return;
  }
  await next();
});

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider ready ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
