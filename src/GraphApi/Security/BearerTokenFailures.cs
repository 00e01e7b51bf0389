using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Security;

/// <summary>
/// Why a bearer token was refused, in plain words for the 401's detail and the <c>WWW-Authenticate</c> challenge's
/// <c>error_description</c> (RFC 6750). The validation library's own messages name its types and codes, so they are never
/// passed on; they stay in the service's log.
/// </summary>
public static class BearerTokenFailures
{
    public static string Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure is AggregateException { InnerExceptions.Count: > 0 } several)
        {
            failure = several.InnerExceptions[0];
        }
        return failure switch
        {
            TokenRefusedException refused => refused.Message,
            SecurityTokenExpiredException => "The bearer token has expired; sign in again for a new one.",
            SecurityTokenNotYetValidException => "The bearer token is not valid yet; check the clocks of the issuer and the caller.",
            SecurityTokenNoExpirationException => "The bearer token has no expiry time; this service accepts only tokens that expire.",
            SecurityTokenInvalidLifetimeException => "The bearer token's validity period is not acceptable.",
            SecurityTokenInvalidAudienceException => "The bearer token was issued for another application: its audience is not this service's.",
            SecurityTokenInvalidIssuerException => "The bearer token was issued by an identity provider this service does not trust.",
            SecurityTokenSignatureKeyNotFoundException => "The bearer token is signed with a key the identity provider does not publish.",
            SecurityTokenInvalidSignatureException => "The bearer token's signature does not match: it was not signed by the identity provider or was altered.",
            SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm this service does not accept.",
            SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JSON Web Token (three dot-separated parts).",
            InvalidOperationException or HttpRequestException or IOException =>
                "The identity provider's signing keys could not be fetched, so no token can be checked now; try again shortly.",
            _ => "The bearer token is not valid.",
        };
    }
}
