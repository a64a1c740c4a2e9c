using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Territory.Import;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// CSV import of an existing list into the register, in two steps (ADR 0531). First the whole file is
/// checked, as Territory's import does (same reader, row- and column-level messages); if any row is bad,
/// nothing is kept. A valid file is staged with the duplicates the matcher proposes, inside the file and
/// against the register. Second, once an agent has decided every pair, everything is imported in one
/// transaction and the staged rows are deleted.
/// </summary>
public sealed class RegistryImporter(ReflexesDbContext db, RegistryDesk desk, ConsentRecording consents, TimeProvider clock)
{
    public static readonly string[] Required = ["first_name", "last_name", "birth_date", "address", "phone", "ground"];
    public static readonly string[] Optional = ["other_phone", "alert_contact", "neighbourhood"];

    public const string Template =
        "first_name,last_name,birth_date,address,phone,ground,other_phone,alert_contact,neighbourhood\n" +
        "Jeanne,Martin,1941-03-12,12 rue des Lilas,04 78 12 34 56,65+,,\"Paul Martin, fils, 06 12 34 56 78\",\n";

    public sealed record Tags(string PurposeCode, DateOnly? CollectedOn, ConsentChannel Channel, string SourceName);

    public sealed record Outcome(IReadOnlyList<ImportError> Errors, Guid? BatchId, int Rows, int Pairs = 0);

    /// <summary>Checks the file and the tags; stages it only when everything is valid.</summary>
    public async Task<Outcome> StageAsync(byte[] file, string fileName, Tags tags, ClaimsPrincipal agent, CancellationToken ct)
    {
        var (errors, rows) = await CheckAsync(file, tags, ct);
        if (errors.Count > 0)
        {
            return new Outcome(errors, null, rows.Count);
        }

        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var batch = RegistrantImportBatch.Stage(tags.PurposeCode, tags.CollectedOn!.Value, tags.Channel, tags.SourceName, fileName, rows.Count,
            agent.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        db.RegistrantImportBatches.Add(batch);
        var staged = rows.Select(r => RegistrantImportRow.Stage(batch.Id, r.Line, r.Details)).ToList();
        db.RegistrantImportRows.AddRange(staged);
        var pairs = ProposePairs(batch.Id, staged, await desk.ImportCandidatesAsync(agent, ct)).ToList();
        db.RegistrantImportPairs.AddRange(pairs);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome([], batch.Id, rows.Count, pairs.Count);
    }

    /// <summary>Checks the file and the tags without storing anything (the web import and `reflexes registry import --check`).</summary>
    public async Task<(IReadOnlyList<ImportError> Errors, IReadOnlyList<(int Line, RegistrantDetails Details)> Rows)> CheckAsync(byte[] file, Tags tags, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var purposes = await consents.ConsentPurposesAsync(ct);
        if (purposes.All(p => p.Code != tags.PurposeCode))
        {
            errors.Add(new ImportError(0, "purpose", "registry.import.error.purpose"));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (tags.CollectedOn is not { } collected || collected > today || collected < today.AddYears(-10))
        {
            errors.Add(new ImportError(0, "collected_on", "registry.import.error.collected-on"));
        }

        if (tags.Channel == ConsentChannel.SelfService || !Enum.IsDefined(tags.Channel))
        {
            errors.Add(new ImportError(0, "channel", "registry.error.channel"));
        }

        if (string.IsNullOrWhiteSpace(tags.SourceName) || tags.SourceName.Trim().Length > 200)
        {
            errors.Add(new ImportError(0, "source", "registry.import.error.source"));
        }

        var (rows, fileErrors) = await ReadAsync(file, today, ct);
        errors.AddRange(fileErrors);
        return (errors, rows);
    }

    /// <summary>An agent's decision on a proposed pair: merge (with the value kept for each differing field) or keep both.</summary>
    public sealed record PairDecision(bool Merge, IReadOnlyDictionary<string, string> Choices);

    /// <summary>What the review page shows: the staged batch, its rows, the proposed pairs and the registrations they concern.</summary>
    public sealed record Review(
        RegistrantImportBatch Batch, IReadOnlyDictionary<Guid, RegistrantImportRow> Rows, IReadOnlyList<RegistrantImportPair> Pairs, IReadOnlyDictionary<Guid, Registrant> InRegister);

    public async Task<IReadOnlyList<RegistrantImportBatch>> RecentAsync(CancellationToken ct) =>
        await db.RegistrantImportBatches.AsNoTracking().OrderByDescending(b => b.CreatedAtUtc).Take(20).ToListAsync(ct);

    public async Task<Review?> ReviewAsync(Guid batchId, ClaimsPrincipal agent, CancellationToken ct)
    {
        var batch = await db.RegistrantImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return null;
        }

        var rows = await db.RegistrantImportRows.AsNoTracking().Where(r => r.BatchId == batchId).ToDictionaryAsync(r => r.Id, ct);
        var pairs = await db.RegistrantImportPairs.AsNoTracking().Where(p => p.BatchId == batchId).ToListAsync(ct);
        var registrantIds = pairs.Where(p => p.RegistrantId is not null).Select(p => p.RegistrantId!.Value).Distinct().ToList();
        var registrants = registrantIds.Count == 0 ? [] : await desk.ReadManyAsync(registrantIds, "outreach.registry-import-review", agent, ct);
        return new Review(batch, rows, [.. pairs.OrderBy(p => rows.GetValueOrDefault(p.RowId)?.Line ?? 0).ThenByDescending(p => p.Score)],
            registrants.ToDictionary(r => r.Id));
    }

    /// <summary>
    /// Imports a staged batch in one transaction once every pair is decided: merged records become one
    /// registration with a merge history, the others new registrations; the staged rows are then deleted.
    /// Returns the problems (pair id, message key) when nothing was imported.
    /// </summary>
    public async Task<IReadOnlyList<(Guid? PairId, string Key)>> CommitAsync(Guid batchId, IReadOnlyDictionary<Guid, PairDecision> decisions, ClaimsPrincipal agent, CancellationToken ct)
    {
        var batch = await db.RegistrantImportBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || batch.Status != RegistrantImportStatus.Staged)
        {
            return [(null, "registry.import.error.closed")];
        }

        var rows = await db.RegistrantImportRows.Where(r => r.BatchId == batchId).ToListAsync(ct);
        var pairs = await db.RegistrantImportPairs.Where(p => p.BatchId == batchId).ToListAsync(ct);
        var problems = pairs.Where(p => !decisions.ContainsKey(p.Id)).Select(p => ((Guid?)p.Id, "registry.import.error.undecided")).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        var merges = pairs.Where(p => decisions[p.Id].Merge).ToList();
        static string Node(RegistrantImportPair p) => p.RegistrantId is { } r ? "reg:" + r : "row:" + p.OtherRowId;
        static string RowNode(Guid id) => "row:" + id;
        var edges = merges.SelectMany(p => new[] { (From: Node(p), To: RowNode(p.RowId), Pair: p), (From: RowNode(p.RowId), To: Node(p), Pair: p) })
            .ToLookup(e => e.From, StringComparer.Ordinal);
        var components = new List<List<string>>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in merges.Select(Node))
        {
            if (!placed.Add(start))
            {
                continue;
            }

            var component = new List<string> { start };
            for (var i = 0; i < component.Count; i++)
            {
                component.AddRange(edges[component[i]].Select(e => e.To).Where(placed.Add));
            }

            components.Add(component);
        }

        problems.AddRange(components.Where(c => c.Count(n => n.StartsWith("reg:", StringComparison.Ordinal)) > 1)
            .SelectMany(c => merges.Where(p => c.Contains(Node(p))).Select(p => ((Guid?)p.Id, "registry.import.error.two-registrants"))));
        if (problems.Count > 0)
        {
            return problems;
        }

        var agentId = agent.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var rowsById = rows.ToDictionary(r => r.Id);
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var registrantIds = components.SelectMany(c => c).Where(n => n.StartsWith("reg:", StringComparison.Ordinal)).Select(n => Guid.Parse(n[4..])).ToList();
        var registrants = (await desk.ReadManyAsync(registrantIds, "outreach.registry-merge", agent, ct)).ToDictionary(r => "reg:" + r.Id, StringComparer.Ordinal);
        if (registrants.Count != registrantIds.Count)
        {
            db.ChangeTracker.Clear();
            return [(null, "registry.import.error.registrant-gone")];
        }

        var (created, merged) = (0, 0);
        foreach (var component in components)
        {
            var root = component.FirstOrDefault(n => n.StartsWith("reg:", StringComparison.Ordinal))
                ?? component.OrderBy(n => rowsById[Guid.Parse(n[4..])].Line).First();
            Registrant survivor;
            string keptLabel;
            if (registrants.TryGetValue(root, out var existing))
            {
                survivor = existing;
                keptLabel = "registration:" + existing.RegisteredAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                var rootRow = rowsById[Guid.Parse(root[4..])];
                survivor = await desk.CreateImportedAsync(rootRow.Details, batch, agentId, ct);
                keptLabel = Label(batch, rootRow.Line);
                created++;
            }

            var visited = new HashSet<string>([root], StringComparer.Ordinal);
            var queue = new Queue<string>([root]);
            while (queue.Count > 0)
            {
                var from = queue.Dequeue();
                foreach (var (_, to, pair) in edges[from].Where(e => visited.Add(e.To)))
                {
                    queue.Enqueue(to);
                    var row = rowsById[Guid.Parse(to[4..])];
                    var choices = decisions[pair.Id].Choices;
                    // Choices were made with the pair's earlier record (or the registration) as the kept one.
                    if (Node(pair) != from)
                    {
                        choices = choices.ToDictionary(c => c.Key, c => c.Value == RegistrantMerging.Kept ? RegistrantMerging.Absorbed : RegistrantMerging.Kept, StringComparer.Ordinal);
                    }

                    if (!await desk.MergeIntoAsync(survivor, row.Details, choices, keptLabel, Label(batch, row.Line), existing is null ? null : batch, agentId, ct))
                    {
                        db.ChangeTracker.Clear();
                        return [(pair.Id, "registry.import.error.merge-invalid")];
                    }

                    merged++;
                }
            }
        }

        var inMerges = components.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !inMerges.Contains(RowNode(r.Id))).OrderBy(r => r.Line))
        {
            await desk.CreateImportedAsync(row.Details, batch, agentId, ct);
            created++;
        }

        db.RegistrantImportPairs.RemoveRange(pairs);
        db.RegistrantImportRows.RemoveRange(rows);
        batch.Commit(created, merged, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>Drops a staged import: its rows and pairs are deleted, nothing reaches the register.</summary>
    public async Task<bool> CancelAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.RegistrantImportBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || batch.Status != RegistrantImportStatus.Staged)
        {
            return false;
        }

        db.RegistrantImportPairs.RemoveRange(await db.RegistrantImportPairs.Where(p => p.BatchId == batchId).ToListAsync(ct));
        db.RegistrantImportRows.RemoveRange(await db.RegistrantImportRows.Where(r => r.BatchId == batchId).ToListAsync(ct));
        batch.Cancel(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Label(RegistrantImportBatch batch, int line) =>
        "import:" + batch.SourceName + ":" + line.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads and checks every row; the rows are usable only when there is no error.</summary>
    internal async Task<(IReadOnlyList<(int Line, RegistrantDetails Details)> Rows, IReadOnlyList<ImportError> Errors)> ReadAsync(byte[] file, DateOnly today, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            return ([], [new ImportError(1, "", "import.error.empty-file")]);
        }

        if (Decode(file) is not { } content)
        {
            return ([], [new ImportError(1, "", "registry.import.error.encoding")]);
        }

        var (columns, table, readError) = CsvTable.Read(content);
        if (readError is not null)
        {
            return ([], [readError]);
        }

        var errors = new List<ImportError>();
        if (columns.Count == 1 && (columns[0].Contains('\t', StringComparison.Ordinal) || columns[0].Contains('|', StringComparison.Ordinal)))
        {
            return ([], [new ImportError(1, "", "registry.import.error.delimiter")]);
        }

        errors.AddRange(Required.Where(r => !columns.Contains(r)).Select(m => new ImportError(1, m, "import.error.missing-column")));
        errors.AddRange(columns.Where(c => !Required.Contains(c) && !Optional.Contains(c)).Select(u => new ImportError(1, u, "import.error.unknown-column")));
        errors.AddRange(columns.GroupBy(c => c).Where(g => g.Count() > 1).Select(d => new ImportError(1, d.Key, "import.error.duplicate-column")));
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        if (table.Count == 0)
        {
            return ([], [new ImportError(2, "", "import.error.no-rows")]);
        }

        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Select(n => new { n.Id, n.Code, n.Name }).ToListAsync(ct);
        var rows = new List<(int, RegistrantDetails)>();
        foreach (var (line, values) in table)
        {
            var rowErrors = new List<ImportError>();
            foreach (var column in Required.Where(c => string.IsNullOrWhiteSpace(values.GetValueOrDefault(c))))
            {
                rowErrors.Add(new ImportError(line, column, "import.error.required"));
            }

            var birth = ParseDate(values.GetValueOrDefault("birth_date"));
            if (birth is null && !string.IsNullOrWhiteSpace(values.GetValueOrDefault("birth_date")))
            {
                rowErrors.Add(new ImportError(line, "birth_date", "registry.import.error.date", values["birth_date"]));
            }

            var ground = ParseGround(values.GetValueOrDefault("ground"));
            if (ground is null && !string.IsNullOrWhiteSpace(values.GetValueOrDefault("ground")))
            {
                rowErrors.Add(new ImportError(line, "ground", "registry.import.error.ground", values["ground"]));
            }

            Guid? neighbourhoodId = null;
            if (values.GetValueOrDefault("neighbourhood") is { Length: > 0 } n)
            {
                var found = neighbourhoods.FirstOrDefault(x => string.Equals(x.Code, n, StringComparison.OrdinalIgnoreCase) || string.Equals(x.Name, n, StringComparison.OrdinalIgnoreCase));
                if (found is null)
                {
                    rowErrors.Add(new ImportError(line, "neighbourhood", "registry.import.error.neighbourhood", n));
                }

                neighbourhoodId = found?.Id;
            }

            if (rowErrors.Count == 0)
            {
                var details = new RegistrantDetails(values["first_name"], values["last_name"], birth!.Value, values["address"], neighbourhoodId,
                    values["phone"], values.GetValueOrDefault("other_phone"), values.GetValueOrDefault("alert_contact"), ground!.Value);
                foreach (var (field, key) in details.Validate(today))
                {
                    rowErrors.Add(new ImportError(line, ColumnOf(field), key, RegistrantMerging.Fields.Contains(field) ? RegistrantMerging.Value(details, field) : null));
                }

                if (rowErrors.Count == 0)
                {
                    rows.Add((line, details));
                }
            }

            errors.AddRange(rowErrors);
        }

        return errors.Count > 0 ? (rows, errors) : (rows, []);
    }

    /// <summary>The pairs worth a person's look: inside the file (each later row against earlier ones) and against the register.</summary>
    internal static List<RegistrantImportPair> ProposePairs(Guid batchId, IReadOnlyList<RegistrantImportRow> rows, IReadOnlyList<Registrant> register)
    {
        static RegistrantMatcher.Person Of(RegistrantDetails d) => new(d.FirstName, d.LastName, d.BirthDate, d.Address, d.Phone, d.OtherPhone);

        // Every proposal shares two of year, month and day (or swaps day and month): block on those.
        static IEnumerable<string> Keys(DateOnly d) =>
        [
            $"ym{d.Year}-{d.Month}", $"yd{d.Year}-{d.Day}", $"md{d.Month}-{d.Day}", $"ys{d.Year}-{Math.Min(d.Month, d.Day)}-{Math.Max(d.Month, d.Day)}",
        ];

        var pairs = new List<RegistrantImportPair>();
        var seenRows = new Dictionary<string, List<RegistrantImportRow>>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => r.Line))
        {
            var compared = new HashSet<Guid>();
            foreach (var key in Keys(row.BirthDate))
            {
                if (!seenRows.TryGetValue(key, out var bucket))
                {
                    seenRows[key] = bucket = [];
                }

                foreach (var earlier in bucket.Where(e => compared.Add(e.Id)))
                {
                    if (RegistrantMatcher.Compare(Of(earlier.Details), Of(row.Details)) is { } match)
                    {
                        pairs.Add(RegistrantImportPair.WithinFile(batchId, row.Id, earlier.Id, match));
                    }
                }

                bucket.Add(row);
            }
        }

        var byKey = register.SelectMany(r => Keys(r.BirthDate).Select(k => (k, r))).ToLookup(x => x.k, x => x.r, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var r in Keys(row.BirthDate).SelectMany(k => byKey[k]).DistinctBy(r => r.Id))
            {
                var person = new RegistrantMatcher.Person(r.FirstName, r.LastName, r.BirthDate, r.Address, r.Phone, r.OtherPhone);
                if (RegistrantMatcher.Compare(person, Of(row.Details)) is { } match)
                {
                    pairs.Add(RegistrantImportPair.WithRegister(batchId, row.Id, r.Id, match));
                }
            }
        }

        return pairs;
    }

    /// <summary>UTF-8 (with or without BOM) or Latin-1 as spreadsheets write them; null for UTF-16 or binary content.</summary>
    internal static string? Decode(byte[] bytes)
    {
        if ((bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) || Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            var latin = Encoding.Latin1.GetString(bytes);
            // Control characters other than line breaks and tabs mean this is not a text file.
            return latin.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) ? null : latin;
        }
    }

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static EligibilityGround? ParseGround(string? value) =>
        RegistrantMatcher.Normalise(value) switch
        {
            "age65plus" or "65" or "65 ans" or "65 ans ou plus" => EligibilityGround.Age65Plus,
            "age60unfitforwork" or "60 inapte" or "60 ans inapte" or "inapte" or "60 ans ou plus inapte au travail" => EligibilityGround.Age60UnfitForWork,
            "disability" or "handicap" => EligibilityGround.Disability,
            _ => null,
        };

    private static string ColumnOf(string field) => field switch
    {
        nameof(RegistrantDetails.FirstName) => "first_name",
        nameof(RegistrantDetails.LastName) => "last_name",
        nameof(RegistrantDetails.BirthDate) => "birth_date",
        nameof(RegistrantDetails.Address) => "address",
        nameof(RegistrantDetails.Phone) => "phone",
        nameof(RegistrantDetails.OtherPhone) => "other_phone",
        nameof(RegistrantDetails.AlertContact) => "alert_contact",
        nameof(RegistrantDetails.Ground) => "ground",
        _ => field,
    };
}
