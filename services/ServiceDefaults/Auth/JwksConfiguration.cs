using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Auth;

/// <summary>Keys from an issuer's JWKS address, for an issuer without OIDC metadata; fetched again on an unknown <c>kid</c>.</summary>
public static class JwksConfiguration
{
    public static ConfigurationManager<OpenIdConnectConfiguration> Manager(AuthOptions options) =>
        new(options.JwksUri, new Retriever(options.Issuer), new HttpDocumentRetriever(new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            RequireHttps = options.RequireHttpsMetadata,
        })
        {
            RefreshInterval = options.KeyRefreshInterval,
            AutomaticRefreshInterval = options.KeyCacheLifetime,
        };

    private sealed class Retriever(string issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            var set = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel));
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JwksUri = address, JsonWebKeySet = set };
            foreach (var key in PublicKeySet.UsableKeys(set))
            {
                configuration.SigningKeys.Add(key);
            }
            return configuration;
        }
    }
}
