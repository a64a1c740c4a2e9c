using System.Globalization;
using System.Security.Claims;
using System.Text;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>
/// The orientation dashboard and its CSV export. The export carries no personal data, except for an
/// orientator exporting for the referral purpose (or an exceptional use the data board approved):
/// then each person the access service allows for that purpose gets their name and phone, and the
/// details when they agreed to share them (docs/adr/0522).
/// </summary>
public sealed class OrientationDashboard(ReferralRecords records, ServiceMembership services, OrientationDesk desk, TimeProvider clock)
{
    /// <summary>Whether a person in this role may ask for a personal export with this purpose.</summary>
    public static bool MayExportPersonalData(ClaimsPrincipal user, string? purposeCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Orientator) && purposeCode is not null
            && (purposeCode == ReferralRecords.Purpose || purposeCode.StartsWith(DataTrust.Contracts.PersonalDataAccess.ExceptionalPrefix, StringComparison.Ordinal));
    }

    public async Task<ReferralFigures> FiguresAsync(CancellationToken ct) =>
        ReferralFigures.From(await records.FactsAsync(ct), clock.GetUtcNow().UtcDateTime);

    /// <summary>The CSV text, and whether it holds personal data.</summary>
    public async Task<(string Csv, bool Personal)> ExportAsync(ClaimsPrincipal user, string? purposeCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var facts = (await records.FactsAsync(ct)).OrderBy(f => f.FiledAtUtc).ToList();
        var names = await services.NamesAsync(ct);
        var neighbourhoods = await desk.NeighbourhoodNamesAsync(ct);
        var personal = MayExportPersonalData(user, purposeCode);
        var people = personal
            ? await records.PersonalColumnsAsync([.. facts.Select(f => f.Id)], purposeCode!, user, ct)
            : new Dictionary<Guid, (ReferralRecords.Person, string?)>();
        var now = clock.GetUtcNow().UtcDateTime;
        var csv = new StringBuilder();
        string[] header =
        [
            "filed_at", "category", "urgency", "neighbourhood", "service", "status", "acknowledge_by", "close_by",
            "acknowledged_at", "closed_at", "outcome", "overdue",
        ];
        Row(csv, personal ? ["reference", .. header, "person", "phone", "details"] : header);
        foreach (var f in facts)
        {
            string?[] cells =
            [
                Time(f.FiledAtUtc), f.Category.ToString(), f.Urgency.ToString(),
                f.NeighbourhoodId is { } n ? neighbourhoods.GetValueOrDefault(n) : null,
                f.ServiceId is { } s ? names.GetValueOrDefault(s) : null,
                f.Status.ToString(), Time(f.AcknowledgeByUtc), Time(f.CloseByUtc), Time(f.AcknowledgedAtUtc), Time(f.ClosedAtUtc),
                f.Outcome?.ToString(), ReferralFigures.IsOverdue(f, now) ? "yes" : "no",
            ];
            if (personal)
            {
                var found = people.TryGetValue(f.Id, out var p);
                cells = [f.Id.ToString("N", CultureInfo.InvariantCulture)[..12], .. cells, found ? p.Person.Name : null, found ? p.Person.Phone : null, found ? p.Details : null];
            }

            Row(csv, cells);
        }

        return (csv.ToString(), personal);
    }

    private static string? Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
