namespace Reflexes.Web.Platform.Security;

public sealed class SecuritySettings
{
    public const string SectionName = "Security";

    /// <summary>Sign-in attempts allowed per client address and minute, on each instance.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Redirect to HTTPS and send HSTS; on by default outside Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Port that HTTP requests are redirected to (the public HTTPS port, usually 443).</summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>Public base address used in e-mailed links (e.g. https://reflexes.example.org).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Other origins images may come from (e.g. the map tile server of the reserve's catalogue).</summary>
    public List<string> ImageSources { get; set; } = [];
}
