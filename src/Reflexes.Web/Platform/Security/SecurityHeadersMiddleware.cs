namespace Reflexes.Web.Platform.Security;

/// <summary>
/// Headers every response carries: a Content-Security-Policy with no inline script or style,
/// no MIME sniffing, no referrer leaking paths, and no framing by other sites.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, SecuritySettings settings)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    private readonly string _policy = settings.ImageSources.Count == 0
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("img-src 'self' data:", "img-src 'self' data: " + string.Join(' ', settings.ImageSources), StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
