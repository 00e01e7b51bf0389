using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Security;

/// <summary>
/// Bearer tokens beside the API keys. The default scheme is <see cref="CallerScheme"/>, a policy scheme that forwards a
/// request carrying <c>Authorization: Bearer …</c> to the token scheme (when tokens are configured) and every other to
/// the key scheme, so a request is judged by the one credential it carries.
/// </summary>
public static class BearerTokenRegistration
{
    public const string CallerScheme = "ApiKeyOrBearer";
    public const string TokenScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>Asymmetric signatures only: a provider signs with a private key and publishes the public one.</summary>
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static AuthenticationBuilder AddBearerTokens(this AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        var services = authentication.Services;
        services.AddOptions<BearerTokenOptions>().BindConfiguration(BearerTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BearerTokenOptions>, BearerTokenOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<SecurityHeaderOptions>, SignInContentSecurityPolicy>();
        authentication.AddPolicyScheme(CallerScheme, "An API key or a bearer token", policy => policy.ForwardDefaultSelector = SchemeFor);
        authentication.AddJwtBearer(TokenScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(TokenScheme).Configure<IOptions<BearerTokenOptions>>((jwt, tokens) => Configure(jwt, tokens.Value));
        return authentication;
    }

    /// <summary>True when the request carries a bearer token, whether or not this deployment accepts them.</summary>
    public static bool CarriesBearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value.Length > "Bearer ".Length;
    }

    private static string SchemeFor(HttpContext context) =>
        CarriesBearerToken(context.Request) && context.RequestServices.GetRequiredService<IOptions<BearerTokenOptions>>().Value.Enabled
            ? TokenScheme
            : ApiKeyAuthenticationHandler.SchemeName;

    private static void Configure(JwtBearerOptions jwt, BearerTokenOptions tokens)
    {
        if (!tokens.Enabled)
        {
            return;
        }
        jwt.Authority = tokens.Authority;
        jwt.Audience = tokens.Audience;
        if (!string.IsNullOrWhiteSpace(tokens.MetadataAddress))
        {
            jwt.MetadataAddress = tokens.MetadataAddress;
        }
        jwt.RequireHttpsMetadata = tokens.RequireHttpsMetadata;
        // Claims keep the names the provider gave them (no mapping of `sub` or `roles` to long URIs): RoleClaim and
        // SubjectClaim name them as the provider's documentation does.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidAlgorithms = Algorithms;
        jwt.TokenValidationParameters.RequireExpirationTime = true;
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(tokens.ClockSkewSeconds);
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                try
                {
                    context.Principal = BearerTokenCaller.From(context.Principal!, tokens);
                }
                catch (TokenRefusedException refused)
                {
                    context.Fail(refused);
                }
                return Task.CompletedTask;
            },
            // AccessMiddleware answers every refusal as problem+json; the handler's own empty 401 is never sent.
            OnChallenge = context =>
            {
                context.HandleResponse();
                return SecurityProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "A valid bearer token is required",
                    context.AuthenticateFailure is { } failure ? BearerTokenFailures.Describe(failure) : "Send a valid bearer token or an API key.");
            },
        };
    }
}
