using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Home;

/// <summary>The friendly page shown for errors and status codes: never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "error.title";

    public string MessageKey { get; private set; } = "error.message";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (TitleKey, MessageKey) = code switch
        {
            404 => ("error.404.title", "error.404.message"),
            403 => ("error.403.title", "error.403.message"),
            429 => ("error.429.title", "error.429.message"),
            400 => ("error.400.title", "error.400.message"),
            _ => ("error.title", "error.message"),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
