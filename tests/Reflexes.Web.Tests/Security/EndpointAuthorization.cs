using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reflexes.Web.Tests.Security;

/// <summary>The rule: every endpoint names an authorization policy or allows anonymous access explicitly.</summary>
internal static class EndpointAuthorization
{
    public static IReadOnlyList<string> Undeclared(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
                && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?")
            .ToList();
}
