using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Territory.Import;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// Upload of an existing list, tagged with the purpose it was collected for and when and how. A file with
/// any bad row is refused with every problem listed by line and column, and nothing is kept; a valid one
/// is staged for the review of proposed duplicates (ADR 0531).
/// </summary>
[Authorize(Policy = RegistryServices.ImportPolicy)]
[RequestSizeLimit(MaxBytes * 2)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes * 2)]
public sealed class ImportModel(RegistryImporter importer, ConsentRecording consents, TimeProvider clock) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string PurposeCode { get; set; } = RegistryDesk.Purpose;
    [BindProperty] public DateOnly? CollectedOn { get; set; }
    [BindProperty] public ConsentChannel Channel { get; set; } = ConsentChannel.PaperForm;
    [BindProperty] public string SourceName { get; set; } = "";

    public IReadOnlyList<ConsentRecording.PurposeChoice> ConsentPurposes { get; private set; } = [];

    public IReadOnlyList<RegistrantImportBatch> Recent { get; private set; } = [];

    public IReadOnlyList<ImportError> FileErrors { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        CollectedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await LoadAsync(ct);
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetBytes(RegistryImporter.Template), "text/csv; charset=utf-8", "registre-modele.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add(nameof(Upload), "import.error.no-file");
        }
        else if (Upload.Length > MaxBytes)
        {
            Errors.Add(nameof(Upload), "import.error.file-too-large");
        }

        if (Errors.Any)
        {
            return Page();
        }

        using var buffer = new MemoryStream();
        await using (var stream = Upload!.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        var outcome = await importer.StageAsync(buffer.ToArray(), Path.GetFileName(Upload.FileName), new RegistryImporter.Tags(PurposeCode ?? "", CollectedOn, Channel, SourceName ?? ""), User, ct);
        if (outcome.BatchId is { } batchId)
        {
            return Redirect("/outreach/registry/import/" + batchId);
        }

        foreach (var tag in outcome.Errors.Where(e => e.Line == 0))
        {
            Errors.Add(tag.Column switch { "purpose" => nameof(PurposeCode), "collected_on" => nameof(CollectedOn), "channel" => nameof(Channel), _ => nameof(SourceName) }, tag.MessageKey);
        }

        FileErrors = [.. outcome.Errors.Where(e => e.Line > 0).OrderBy(e => e.Line)];
        if (FileErrors.Count > 0)
        {
            Errors.Add("file-errors", "registry.import.file-refused", FileErrors.Count);
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ConsentPurposes = await consents.ConsentPurposesAsync(ct);
        Recent = await importer.RecentAsync(ct);
    }
}
