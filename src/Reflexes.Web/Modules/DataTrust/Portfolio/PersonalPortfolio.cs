using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Portfolio;

/// <summary>
/// Everything Reflexes holds about a person, gathered from every module that holds personal data,
/// with the purposes that may use it: the right of access as a page, and the right to portability as
/// a JSON document.
/// </summary>
public sealed class PersonalPortfolio(IEnumerable<IPersonalDataHolder> holders, ConsentLedger ledger, PersonalDataAccess access, TimeProvider clock)
{
    public sealed record Section(string NameKey, IReadOnlyList<HeldItem> Items);

    public async Task<IReadOnlyList<Section>> GatherAsync(SubjectRef subject, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        await access.AuthoriseForDataSubjectRightsAsync(subject.SubjectId, action, reader, ct);
        var sections = new List<Section>();
        foreach (var holder in holders)
        {
            sections.Add(new Section(holder.NameKey, await holder.DescribeAsync(subject, ct)));
        }

        return sections;
    }

    public async Task<string> ExportJsonAsync(SubjectRef subject, ClaimsPrincipal reader, IStringLocalizer text, CancellationToken ct)
    {
        var sections = await GatherAsync(subject, "rights.portability", reader, ct);
        var purposes = await ledger.CurrentPurposesAsync(ct);
        var document = new JsonObject
        {
            ["format"] = "reflexes-personal-data/1",
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime.ToString("O"),
            ["subject"] = subject.SubjectId.ToString(),
            ["sections"] = new JsonArray([.. sections.Select(s => (JsonNode)new JsonObject
            {
                ["source"] = text[s.NameKey].Value,
                ["items"] = new JsonArray([.. s.Items.Select(i => (JsonNode)new JsonObject
                {
                    ["category"] = i.Category,
                    ["label"] = i.Label,
                    ["fields"] = new JsonObject(i.Fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))),
                })]),
            })]),
            ["purposes"] = new JsonArray([.. purposes.Select(p => (JsonNode)new JsonObject
            {
                ["code"] = p.Code,
                ["version"] = p.Version,
                ["title"] = p.Title,
                ["description"] = p.Description,
                ["legalBasis"] = p.LegalBasis.ToString(),
                ["controller"] = p.Controller,
                ["retentionMonths"] = p.RetentionMonths,
            })]),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
