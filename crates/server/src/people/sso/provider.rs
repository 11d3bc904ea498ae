//! The company's identity provider as this server sees it: its discovery document and
//! signing keys, fetched when first needed and kept for an hour (sooner again when an ID
//! token names a key they lack), and the HTTP client that talks to it: our reqwest, no
//! redirects followed, a timeout. Nothing here runs at start-up, so a server starts with
//! the provider unreachable; a provider that cannot be reached is `Refusal::Unavailable`
//! and the next request tries again. Codes and tokens are never logged.

use super::Refusal;
use super::flow::Flow;
use crate::config::identity::OidcConfig;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreClientAuthMethod, CoreIdTokenClaims, CoreProviderMetadata,
    CoreUserInfoClaims,
};
use openidconnect::{
    AccessTokenHash, AsyncHttpClient, AuthType, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, HttpRequest, HttpResponse, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope,
    SignatureVerificationError, TokenResponse,
};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// How long the discovery document and keys are kept before they are fetched again.
const KEEP: Duration = Duration::from_secs(60 * 60);
/// An ID token signed with a key we do not know fetches the keys again, at most this often.
const REFETCH_AT_MOST_EVERY: Duration = Duration::from_secs(60);
/// How long one request to the provider may take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The client as built from the discovery document: authorization and token endpoints
/// (the token endpoint may be missing from a document), maybe a UserInfo endpoint.
type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// What the provider told us about the person, after the ID token was verified.
#[derive(Debug, Clone, Default)]
pub(super) struct Identity {
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    pub name: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
}

/// The identity provider's cached metadata and the HTTP client; one per server.
pub struct Provider {
    http: Http,
    cached: RwLock<Option<Cached>>,
}

struct Cached {
    fetched: Instant,
    issuer: String,
    metadata: Arc<CoreProviderMetadata>,
}

impl Provider {
    /// A provider with nothing fetched yet.
    pub fn new() -> anyhow::Result<Provider> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(TIMEOUT)
            .build()?;
        Ok(Provider {
            http: Http(client),
            cached: RwLock::new(None),
        })
    }

    /// The discovery document with its keys: the cached one while it is fresh.
    async fn metadata(&self, issuer: &str) -> Result<Arc<CoreProviderMetadata>, Refusal> {
        if let Some(c) = self.cached.read().await.as_ref()
            && c.issuer == issuer
            && c.fetched.elapsed() < KEEP
        {
            return Ok(c.metadata.clone());
        }
        self.refetch(issuer, None).await
    }

    /// Fetches the document again, unless another request did meanwhile (or, after an
    /// unknown key, did within the last minute): one fetch at a time.
    async fn refetch(
        &self,
        issuer: &str,
        seen: Option<&Arc<CoreProviderMetadata>>,
    ) -> Result<Arc<CoreProviderMetadata>, Refusal> {
        let mut cached = self.cached.write().await;
        if let Some(c) = cached.as_ref()
            && c.issuer == issuer
        {
            let newer = seen.is_some_and(|s| !Arc::ptr_eq(s, &c.metadata));
            let fresh = match seen {
                Some(_) => c.fetched.elapsed() < REFETCH_AT_MOST_EVERY,
                None => c.fetched.elapsed() < KEEP,
            };
            if newer || fresh {
                return Ok(c.metadata.clone());
            }
        }
        let url = IssuerUrl::new(issuer.to_string()).map_err(|e| {
            tracing::warn!(error = %e, "oidc_issuer is not a URL");
            Refusal::Unavailable
        })?;
        let metadata = CoreProviderMetadata::discover_async(url, &self.http)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "the identity provider's discovery document or keys could not be fetched");
                Refusal::Unavailable
            })?;
        let metadata = Arc::new(metadata);
        *cached = Some(Cached {
            fetched: Instant::now(),
            issuer: issuer.to_string(),
            metadata: metadata.clone(),
        });
        Ok(metadata)
    }

    /// The URL of the provider's authorization endpoint for a new sign-in, with the flow
    /// (state, nonce, PKCE verifier) to keep until the callback.
    pub(super) async fn authorization(
        &self,
        oidc: &OidcConfig,
        redirect: &str,
        next: &str,
    ) -> Result<(String, Flow), Refusal> {
        let client = client(&*self.metadata(&oidc.issuer).await?, oidc, redirect)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let flow = Flow::new(state.secret(), nonce.secret(), verifier.secret(), next);
        Ok((url.to_string(), flow))
    }

    /// Exchanges the callback's code (with the flow's PKCE verifier), verifies the ID token
    /// (signature against the provider's keys, issuer, audience, expiry, nonce) and reads
    /// who signed in; UserInfo fills in an email the ID token lacks.
    pub(super) async fn identify(
        &self,
        oidc: &OidcConfig,
        redirect: &str,
        code: String,
        flow: &Flow,
    ) -> Result<Identity, Refusal> {
        let metadata = self.metadata(&oidc.issuer).await?;
        let client = client(&metadata, oidc, redirect)?;
        let token = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| {
                tracing::warn!(error = %e, "the identity provider's document names no token endpoint");
                Refusal::Unavailable
            })?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(r) => {
                    tracing::warn!(error = %r.error(), "the identity provider refused the code");
                    Refusal::Unverified
                }
                RequestTokenError::Parse(e, _) => {
                    tracing::warn!(error = %e, "the identity provider's token answer could not be read");
                    Refusal::Unverified
                }
                e => {
                    tracing::warn!(error = %e, "the identity provider's token endpoint could not be reached");
                    Refusal::Unavailable
                }
            })?;
        let Some(id_token) = token.id_token() else {
            tracing::warn!("the identity provider answered without an ID token");
            return Err(Refusal::Unverified);
        };
        let (client, claims) = self
            .verify(oidc, redirect, client, &metadata, id_token, &flow.nonce)
            .await?;
        check_access_token_hash(&client, id_token, &claims, token.access_token())?;
        let mut identity = Identity::from_id_token(&claims);
        // Without an email in the ID token, UserInfo (when the provider has one) may give it.
        if identity.email.is_none()
            && let Ok(request) = client.user_info(token.access_token().clone(), Some(claims.subject().clone()))
        {
            let info: CoreUserInfoClaims = request.request_async(&self.http).await.map_err(|e| {
                tracing::warn!(error = %e, "the identity provider's UserInfo could not be read");
                Refusal::Unavailable
            })?;
            identity.email = info.email().map(|e| e.as_str().to_string());
            identity.email_verified = info.email_verified();
            identity.name = identity
                .name
                .or_else(|| info.name().and_then(|n| n.get(None)).map(|n| n.to_string()));
            identity.given_name = identity
                .given_name
                .or_else(|| info.given_name().and_then(|n| n.get(None)).map(|n| n.to_string()));
            identity.family_name = identity
                .family_name
                .or_else(|| info.family_name().and_then(|n| n.get(None)).map(|n| n.to_string()));
        }
        Ok(identity)
    }
}

impl Provider {
    /// The ID token's claims, verified; an unknown signing key fetches the provider's
    /// keys again (it may have rotated them) and tries once more, with the client over
    /// the new keys.
    async fn verify(
        &self,
        oidc: &OidcConfig,
        redirect: &str,
        client: Client,
        metadata: &Arc<CoreProviderMetadata>,
        id_token: &openidconnect::core::CoreIdToken,
        nonce: &str,
    ) -> Result<(Client, CoreIdTokenClaims), Refusal> {
        let nonce = Nonce::new(nonce.to_string());
        let first = id_token.claims(&client.id_token_verifier(), &nonce).cloned();
        let (client, claims) = match first {
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                let fresh = self.refetch(&oidc.issuer, Some(metadata)).await?;
                let client = self::client(&fresh, oidc, redirect)?;
                let claims = id_token.claims(&client.id_token_verifier(), &nonce).cloned();
                (client, claims)
            }
            other => (client, other),
        };
        match claims {
            Ok(claims) => Ok((client, claims)),
            Err(e) => {
                tracing::warn!(error = %e, "the ID token was refused");
                Err(Refusal::Unverified)
            }
        }
    }
}

impl Identity {
    fn from_id_token(claims: &CoreIdTokenClaims) -> Identity {
        Identity {
            email: claims.email().map(|e| e.as_str().to_string()),
            email_verified: claims.email_verified(),
            name: claims.name().and_then(|n| n.get(None)).map(|n| n.to_string()),
            given_name: claims.given_name().and_then(|n| n.get(None)).map(|n| n.to_string()),
            family_name: claims.family_name().and_then(|n| n.get(None)).map(|n| n.to_string()),
        }
    }
}

/// The access token must be the one the ID token was issued with, when it says (`at_hash`).
fn check_access_token_hash(
    client: &Client,
    id_token: &openidconnect::core::CoreIdToken,
    claims: &CoreIdTokenClaims,
    access_token: &openidconnect::AccessToken,
) -> Result<(), Refusal> {
    let Some(expected) = claims.access_token_hash() else {
        return Ok(());
    };
    let verifier = client.id_token_verifier();
    let actual = id_token
        .signing_alg()
        .ok()
        .zip(id_token.signing_key(&verifier).ok())
        .and_then(|(alg, key)| AccessTokenHash::from_token(access_token, alg, key).ok());
    if actual.as_ref() == Some(expected) {
        Ok(())
    } else {
        tracing::warn!("the access token does not match the ID token's at_hash");
        Err(Refusal::Unverified)
    }
}

/// The OpenID Connect client for this deployment over the provider's document. The client
/// secret goes in the Authorization header (client_secret_basic), or in the body when the
/// provider only takes client_secret_post.
fn client(metadata: &CoreProviderMetadata, oidc: &OidcConfig, redirect: &str) -> Result<Client, Refusal> {
    let redirect = RedirectUrl::new(redirect.to_string()).map_err(|e| {
        tracing::warn!(error = %e, "base_url does not make a callback URL");
        Refusal::Unavailable
    })?;
    let secret = oidc
        .client_secret
        .as_ref()
        .map(|s| ClientSecret::new(s.expose().to_string()));
    let mut client =
        CoreClient::from_provider_metadata(metadata.clone(), ClientId::new(oidc.client_id.clone()), secret)
            .set_redirect_uri(redirect);
    let methods = metadata.token_endpoint_auth_methods_supported();
    let takes = |m: &CoreClientAuthMethod| methods.is_some_and(|ms| ms.contains(m));
    if takes(&CoreClientAuthMethod::ClientSecretPost) && !takes(&CoreClientAuthMethod::ClientSecretBasic) {
        client = client.set_auth_type(AuthType::RequestBody);
    }
    Ok(client)
}

/// Our reqwest client as openidconnect's HTTP client.
struct Http(reqwest::Client);

/// Why a request to the identity provider got no answer.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

impl<'c> AsyncHttpClient<'c> for Http {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(|e| HttpError(e.without_url().to_string()))?;
            let response = self
                .0
                .execute(request)
                .await
                .map_err(|e| HttpError(e.without_url().to_string()))?;
            let mut out = openidconnect::http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                out = out.header(name, value);
            }
            let body = response
                .bytes()
                .await
                .map_err(|e| HttpError(e.without_url().to_string()))?;
            out.body(body.to_vec()).map_err(|e| HttpError(e.to_string()))
        })
    }
}
