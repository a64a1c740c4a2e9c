using System.Text;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Modules.Territory.Import;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Territory.Export;

/// <summary>Writes reference data in the same CSV layout the import reads, so an export can be edited and re-imported.</summary>
public sealed class TerritoryExport(ReflexesDbContext db)
{
    public async Task<string> ToCsvAsync(ImportKind kind, CancellationToken ct)
    {
        var csv = new StringBuilder();
        var (required, optional) = TerritoryImporter.Columns[kind];
        WriteRow(csv, [.. required, .. optional]);
        switch (kind)
        {
            case ImportKind.Neighbourhoods:
                foreach (var n in await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Code).ToListAsync(ct))
                {
                    WriteRow(csv, n.Code, n.Name, n.OutlineGeoJson);
                }

                break;
            case ImportKind.Organisations:
                var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
                var names = organisations.ToDictionary(o => o.Id, o => o.Name);
                // Parents first, so that the file re-imports in one pass.
                foreach (var o in organisations.OrderBy(o => o.ParentId is null ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal))
                {
                    WriteRow(csv, o.Name, OrganisationKinds.ToWord(o.Kind), o.ParentId is { } p ? names[p] : null, o.Siret, o.Rna, o.ContactEmail);
                }

                break;
            case ImportKind.Agents:
                var agents = await db.Agents.AsNoTracking().OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ToListAsync(ct);
                var emails = agents.ToDictionary(a => a.Id, a => a.Email);
                var services = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
                foreach (var a in agents)
                {
                    WriteRow(csv, a.Email, a.FirstName, a.LastName, services[a.ServiceId], a.ManagerId is { } m ? emails[m] : null, a.JobTitle);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        return csv.ToString();
    }

    private static void WriteRow(StringBuilder csv, params string?[] fields) =>
        csv.Append(string.Join(',', fields.Select(CsvTable.Escape))).Append('\n');
}
