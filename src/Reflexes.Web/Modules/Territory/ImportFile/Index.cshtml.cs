using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Import;

namespace Reflexes.Web.Modules.Territory.ImportFile;

/// <summary>
/// Upload → preview with row-level errors → confirm. The file travels back with the confirmation
/// (no server-side state, so any instance can take the second request) and is checked again there.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxBytes * 3)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes * 2, ValueLengthLimit = MaxBytes * 2)]
public sealed class IndexModel(TerritoryImporter importer) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public ImportKind Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string FileContent { get; set; } = "";

    public ImportPreview? Preview { get; private set; }

    public string? FileErrorKey { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetBytes(TerritoryImporter.Template(Kind)), "text/csv; charset=utf-8", $"{Kind.ToString().ToLowerInvariant()}-template.csv");

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            FileErrorKey = "import.error.no-file";
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            FileErrorKey = "import.error.file-too-large";
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        FileContent = Decode(buffer.ToArray());
        Preview = await importer.PreviewAsync(Kind, FileContent, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var result = await importer.ImportAsync(Kind, FileContent, ct);
        if (!result.CanImport)
        {
            Preview = result;
            return Page();
        }

        TempData["Flash"] = "import.done";
        return Redirect(Kind switch
        {
            ImportKind.Neighbourhoods => "/territory/neighbourhoods",
            ImportKind.Organisations => "/territory/organisations",
            _ => "/territory/agents",
        });
    }

    /// <summary>UTF-8 (with or without BOM) first; spreadsheets on Windows often save Latin-1.</summary>
    internal static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
