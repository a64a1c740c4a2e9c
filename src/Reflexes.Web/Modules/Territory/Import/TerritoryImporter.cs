using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Territory.Import;

/// <summary>
/// CSV import of neighbourhoods, organisations and agents. The whole file is checked first; it is
/// imported in one transaction only when every row is valid, so nothing is ever half-imported.
/// A row whose key (code, name or e-mail) already exists updates that record.
/// </summary>
public sealed class TerritoryImporter(ReflexesDbContext db)
{
    public static readonly IReadOnlyDictionary<ImportKind, (string[] Required, string[] Optional)> Columns =
        new Dictionary<ImportKind, (string[], string[])>
        {
            [ImportKind.Neighbourhoods] = (["code", "name"], ["outline_geojson"]),
            [ImportKind.Organisations] = (["name", "kind"], ["parent", "siret", "rna", "email"]),
            [ImportKind.Agents] = (["email", "first_name", "last_name", "service"], ["manager_email", "job_title"]),
        };

    public static string Template(ImportKind kind) => kind switch
    {
        ImportKind.Neighbourhoods => "code,name,outline_geojson\nNORD,Quartier Nord,\n",
        ImportKind.Organisations => "name,kind,parent,siret,rna,email\nService des sports,service,Ville de Valbrune,,,sports@valbrune.example\n",
        ImportKind.Agents => "email,first_name,last_name,service,manager_email,job_title\nc.martin@valbrune.example,Claire,Martin,Service des sports,,Educatrice sportive\n",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, string content, CancellationToken ct)
    {
        var plan = await PlanAsync(kind, content, ct);
        return plan.Preview;
    }

    /// <summary>Imports the file if, and only if, every row is valid. Returns the preview that decided it.</summary>
    public async Task<ImportPreview> ImportAsync(ImportKind kind, string content, CancellationToken ct)
    {
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var plan = await PlanAsync(kind, content, ct);
        if (!plan.Preview.CanImport)
        {
            return plan.Preview;
        }

        plan.Apply();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return plan.Preview;
    }

    private sealed record Plan(ImportPreview Preview, Action Apply);

    private async Task<Plan> PlanAsync(ImportKind kind, string content, CancellationToken ct)
    {
        var (columns, rows, readError) = CsvTable.Read(content);
        if (readError is not null)
        {
            return new Plan(new ImportPreview(kind, columns, [], [readError]), () => { });
        }

        var errors = new List<ImportError>();

        var (required, optional) = Columns[kind];
        foreach (var missing in required.Where(r => !columns.Contains(r)))
        {
            errors.Add(new ImportError(1, missing, "import.error.missing-column"));
        }

        foreach (var unknown in columns.Where(c => !required.Contains(c) && !optional.Contains(c)))
        {
            errors.Add(new ImportError(1, unknown, "import.error.unknown-column"));
        }

        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, duplicate.Key, "import.error.duplicate-column"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(2, "", "import.error.no-rows"));
        }

        if (errors.Count > 0)
        {
            return new Plan(new ImportPreview(kind, columns, [], errors), () => { });
        }

        return kind switch
        {
            ImportKind.Neighbourhoods => await PlanNeighbourhoodsAsync(columns, rows, ct),
            ImportKind.Organisations => await PlanOrganisationsAsync(columns, rows, ct),
            ImportKind.Agents => await PlanAgentsAsync(columns, rows, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string? Get(Dictionary<string, string> values, string column) =>
        values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    private static void Require(List<ImportError> errors, int line, Dictionary<string, string> values, params string[] columns)
    {
        foreach (var column in columns.Where(c => Get(values, c) is null))
        {
            errors.Add(new ImportError(line, column, "import.error.required"));
        }
    }

    private static void CheckLength(List<ImportError> errors, int line, Dictionary<string, string> values, string column, int max)
    {
        if (Get(values, column) is { } v && v.Length > max)
        {
            errors.Add(new ImportError(line, column, "import.error.too-long", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private async Task<Plan> PlanNeighbourhoodsAsync(
        IReadOnlyList<string> columns, IReadOnlyList<(int Line, Dictionary<string, string> Values)> rows, CancellationToken ct)
    {
        var existing = await db.Neighbourhoods.ToDictionaryAsync(n => n.Code, ct);
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var previewRows = new List<ImportRow>();
        foreach (var (line, values) in rows)
        {
            Require(errors, line, values, "code", "name");
            CheckLength(errors, line, values, "code", 40);
            CheckLength(errors, line, values, "name", 200);
            var code = Get(values, "code")?.ToUpperInvariant();
            if (code is not null && !seen.TryAdd(code, line))
            {
                errors.Add(new ImportError(line, "code", "import.error.duplicate-in-file", seen[code].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (Get(values, "outline_geojson") is { } outline && GeoJsonOutline.Validate(outline) is { } geoError)
            {
                errors.Add(new ImportError(line, "outline_geojson", geoError));
            }

            previewRows.Add(new ImportRow(line, values, code is not null && existing.ContainsKey(code)));
        }

        void Apply()
        {
            foreach (var (_, values) in rows)
            {
                var code = Get(values, "code")!.ToUpperInvariant();
                if (existing.TryGetValue(code, out var n))
                {
                    n.Update(code, Get(values, "name")!, Get(values, "outline_geojson"));
                }
                else
                {
                    db.Neighbourhoods.Add(Neighbourhood.Create(code, Get(values, "name")!, Get(values, "outline_geojson")));
                }
            }
        }

        return new Plan(new ImportPreview(ImportKind.Neighbourhoods, columns, previewRows, errors), Apply);
    }

    private async Task<Plan> PlanOrganisationsAsync(
        IReadOnlyList<string> columns, IReadOnlyList<(int Line, Dictionary<string, string> Values)> rows, CancellationToken ct)
    {
        var existing = await db.Organisations.ToDictionaryAsync(o => o.Name, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        var inFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var previewRows = new List<ImportRow>();
        foreach (var (line, values) in rows)
        {
            Require(errors, line, values, "name", "kind");
            CheckLength(errors, line, values, "name", 300);
            if (Get(values, "name") is { } name && !inFile.TryAdd(name, line))
            {
                errors.Add(new ImportError(line, "name", "import.error.duplicate-in-file", inFile[name].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (Get(values, "kind") is { } kindWord && !OrganisationKinds.TryParse(kindWord, out _))
            {
                errors.Add(new ImportError(line, "kind", "import.error.unknown-kind", kindWord));
            }

            if (Get(values, "siret") is { } siret && !FrenchIdentifiers.IsValidSiret(FrenchIdentifiers.NormaliseSiret(siret)!))
            {
                errors.Add(new ImportError(line, "siret", "import.error.bad-siret", siret));
            }

            if (Get(values, "rna") is { } rna && !FrenchIdentifiers.IsValidRna(FrenchIdentifiers.NormaliseRna(rna)!))
            {
                errors.Add(new ImportError(line, "rna", "import.error.bad-rna", rna));
            }

            if (Get(values, "email") is { } email && !IsEmail(email))
            {
                errors.Add(new ImportError(line, "email", "import.error.bad-email", email));
            }

            previewRows.Add(new ImportRow(line, values, Get(values, "name") is { } n && existing.ContainsKey(n)));
        }

        // Parents may be existing organisations or rows of the same file; a service needs one.
        var parentOf = rows.Where(r => Get(r.Values, "name") is not null)
            .ToDictionary(r => Get(r.Values, "name")!, r => Get(r.Values, "parent"), StringComparer.OrdinalIgnoreCase);
        foreach (var (line, values) in rows)
        {
            var parent = Get(values, "parent");
            var kind = OrganisationKinds.TryParse(Get(values, "kind"), out var parsed) ? parsed : (OrganisationKind?)null;
            if (parent is null)
            {
                if (kind == OrganisationKind.Service)
                {
                    errors.Add(new ImportError(line, "parent", "import.error.service-needs-parent"));
                }
            }
            else if (!existing.ContainsKey(parent) && !parentOf.ContainsKey(parent))
            {
                errors.Add(new ImportError(line, "parent", "import.error.unknown-organisation", parent));
            }
            else if (LeadsBackTo(Get(values, "name")!, parent, n => parentOf.TryGetValue(n, out var p) ? p
                : existing.TryGetValue(n, out var o) && o.ParentId is { } pid ? existing.Values.FirstOrDefault(x => x.Id == pid)?.Name : null))
            {
                errors.Add(new ImportError(line, "parent", "import.error.cycle", parent));
            }
        }

        void Apply()
        {
            var byName = new Dictionary<string, Organisation>(existing, StringComparer.OrdinalIgnoreCase);
            var pending = rows.ToList();
            // Parents before children: repeat until every row has found its parent.
            while (pending.Count > 0)
            {
                var ready = pending.Where(r => Get(r.Values, "parent") is not { } p || byName.ContainsKey(p)
                    && !pending.Any(o => string.Equals(Get(o.Values, "name"), p, StringComparison.OrdinalIgnoreCase))).ToList();
                foreach (var (_, values) in ready)
                {
                    var name = Get(values, "name")!;
                    var kind = OrganisationKinds.TryParse(Get(values, "kind"), out var parsed) ? parsed : throw new InvalidOperationException("Checked above.");
                    var parentId = Get(values, "parent") is { } p ? byName[p].Id : (Guid?)null;
                    if (byName.TryGetValue(name, out var organisation))
                    {
                        organisation.Update(kind, name, parentId, Get(values, "siret"), Get(values, "rna"), Get(values, "email"));
                    }
                    else
                    {
                        organisation = Organisation.Create(kind, name, parentId, Get(values, "siret"), Get(values, "rna"), Get(values, "email"));
                        db.Organisations.Add(organisation);
                        byName[name] = organisation;
                    }
                }

                pending.RemoveAll(ready.Contains);
            }
        }

        return new Plan(new ImportPreview(ImportKind.Organisations, columns, previewRows, errors), Apply);
    }

    private async Task<Plan> PlanAgentsAsync(
        IReadOnlyList<string> columns, IReadOnlyList<(int Line, Dictionary<string, string> Values)> rows, CancellationToken ct)
    {
        var existing = await db.Agents.ToDictionaryAsync(a => a.Email, StringComparer.OrdinalIgnoreCase, ct);
        var services = await db.Organisations.Where(o => o.Kind == OrganisationKind.Service)
            .ToDictionaryAsync(o => o.Name, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        var inFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var previewRows = new List<ImportRow>();
        foreach (var (line, values) in rows)
        {
            Require(errors, line, values, "email", "first_name", "last_name", "service");
            CheckLength(errors, line, values, "first_name", 100);
            CheckLength(errors, line, values, "last_name", 100);
            CheckLength(errors, line, values, "job_title", 200);
            var email = Get(values, "email");
            if (email is not null && !IsEmail(email))
            {
                errors.Add(new ImportError(line, "email", "import.error.bad-email", email));
            }
            else if (email is not null && !inFile.TryAdd(email, line))
            {
                errors.Add(new ImportError(line, "email", "import.error.duplicate-in-file", inFile[email].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (Get(values, "service") is { } service && !services.ContainsKey(service))
            {
                errors.Add(new ImportError(line, "service", "import.error.unknown-service", service));
            }

            previewRows.Add(new ImportRow(line, values, email is not null && existing.ContainsKey(email)));
        }

        var managerOf = rows.Where(r => Get(r.Values, "email") is not null)
            .GroupBy(r => Get(r.Values, "email")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Get(g.First().Values, "manager_email"), StringComparer.OrdinalIgnoreCase);
        var byId = existing.Values.ToDictionary(a => a.Id);
        foreach (var (line, values) in rows)
        {
            if (Get(values, "manager_email") is not { } manager || Get(values, "email") is not { } email)
            {
                continue;
            }

            if (!existing.ContainsKey(manager) && !managerOf.ContainsKey(manager))
            {
                errors.Add(new ImportError(line, "manager_email", "import.error.unknown-manager", manager));
            }
            else if (LeadsBackTo(email, manager, e => managerOf.TryGetValue(e, out var m) ? m
                : existing.TryGetValue(e, out var a) && a.ManagerId is { } mid && byId.TryGetValue(mid, out var ma) ? ma.Email : null))
            {
                errors.Add(new ImportError(line, "manager_email", "import.error.cycle", manager));
            }
        }

        void Apply()
        {
            var byEmail = new Dictionary<string, Agent>(existing, StringComparer.OrdinalIgnoreCase);
            foreach (var (_, values) in rows)
            {
                var email = Get(values, "email")!;
                var serviceId = services[Get(values, "service")!].Id;
                if (byEmail.TryGetValue(email, out var agent))
                {
                    agent.Update(Get(values, "first_name")!, Get(values, "last_name")!, email, Get(values, "job_title"), serviceId, agent.ManagerId);
                }
                else
                {
                    agent = Agent.Create(Get(values, "first_name")!, Get(values, "last_name")!, email, Get(values, "job_title"), serviceId, null);
                    db.Agents.Add(agent);
                    byEmail[email] = agent;
                }
            }

            // Managers are set once every agent of the file exists.
            foreach (var (_, values) in rows)
            {
                var agent = byEmail[Get(values, "email")!];
                var managerId = Get(values, "manager_email") is { } m ? byEmail[m].Id : (Guid?)null;
                agent.Update(agent.FirstName, agent.LastName, agent.Email, agent.JobTitle, agent.ServiceId, managerId);
            }
        }

        return new Plan(new ImportPreview(ImportKind.Agents, columns, previewRows, errors), Apply);
    }

    /// <summary>True when following "parent of" links from <paramref name="start"/> comes back to <paramref name="self"/>.</summary>
    private static bool LeadsBackTo(string self, string start, Func<string, string?> next)
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var current = start; current is not null; current = next(current))
        {
            if (string.Equals(current, self, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!visited.Add(current))
            {
                return false;
            }
        }

        return false;
    }
}
