using Reflexes.Optimization;

namespace Reflexes.Sortition.Engine;

/// <summary>Explains infeasible quotas and unselectable people.</summary>
internal static class QuotaDiagnosis
{
    public static InfeasibleQuotasException Explain(TypeModel model, CancellationToken cancellationToken)
    {
        var pool = model.Pool;
        var conflicts = new List<string>();
        var available = new int[model.FeatureCount];
        for (var t = 0; t < model.TypeCount; t++)
        {
            foreach (var f in model.TypeFeatures[t])
            {
                available[f] += model.Members[t].Length;
            }
        }

        var seats = pool.People.Count - model.Households.Sum(h => h.Length - 1);
        if (seats < model.K)
        {
            conflicts.Add(model.Households.Length > 0
                ? $"the pool has {pool.People.Count} respondents but only {seats} can sit together under the household rule, fewer than the panel size {model.K}"
                : $"the pool has {pool.People.Count} respondents, fewer than the panel size {model.K}");
        }

        for (var c = 0; c < pool.Categories.Count; c++)
        {
            var category = pool.Categories[c];
            var offset = model.FeatureOffset[c];
            var minimums = category.Values.Sum(v => v.Min);
            var maximums = category.Values.Select((v, i) => Math.Min(v.Max, available[offset + i])).Sum();
            if (minimums > model.K)
            {
                conflicts.Add($"the minimums of '{category.Name}' add up to {minimums}, more than the panel size {model.K}");
            }

            if (maximums < model.K)
            {
                conflicts.Add($"the maximums of '{category.Name}' (capped by the respondents available) add up to {maximums}, less than the panel size {model.K}");
            }

            for (var i = 0; i < category.Values.Count; i++)
            {
                if (category.Values[i].Min > available[offset + i])
                {
                    conflicts.Add($"{category.Name}={category.Values[i].Value} needs at least {category.Values[i].Min} but only {available[offset + i]} respondent(s) have it");
                }
            }
        }

        var relaxations = SmallestRelaxation(model, cancellationToken);
        if (conflicts.Count == 0)
        {
            conflicts.Add(relaxations.Count > 0
                ? "the quotas of different categories cannot be met together: " + string.Join("; ", relaxations.Select(r => $"{r.Category}={r.Value} [{r.Min}, {r.Max}]"))
                : "the household rule leaves too few people to fill the quotas");
        }

        return new InfeasibleQuotasException(conflicts, relaxations);
    }

    /// <summary>Integer program: choose a panel of size k minimising the total number of seats by which quotas must move.</summary>
    private static List<QuotaRelaxation> SmallestRelaxation(TypeModel model, CancellationToken cancellationToken)
    {
        var lp = new SimplexSolver();
        var size = lp.AddRow(RowKind.Equal, model.K);
        var low = new int[model.FeatureCount];
        var high = new int[model.FeatureCount];
        for (var f = 0; f < model.FeatureCount; f++)
        {
            low[f] = lp.AddRow(RowKind.GreaterOrEqual, model.FeatureMin[f]);
            high[f] = lp.AddRow(RowKind.LessOrEqual, model.FeatureMax[f]);
        }

        var householdRow = new Dictionary<int, int>();
        foreach (var household in model.Households)
        {
            var row = lp.AddRow(RowKind.LessOrEqual, 1);
            foreach (var t in household)
            {
                householdRow[t] = row;
            }
        }

        var integers = new List<int>();
        for (var t = 0; t < model.TypeCount; t++)
        {
            var column = new List<(int, double)> { (size, 1) };
            foreach (var f in model.TypeFeatures[t])
            {
                column.Add((low[f], 1));
                column.Add((high[f], 1));
            }

            if (householdRow.TryGetValue(t, out var h))
            {
                column.Add((h, 1));
            }

            integers.Add(lp.AddVariable(0, 0, model.Members[t].Length, column.ToArray()));
        }

        var lower = new int[model.FeatureCount];
        var upper = new int[model.FeatureCount];
        for (var f = 0; f < model.FeatureCount; f++)
        {
            lower[f] = lp.AddVariable(1, 0, model.FeatureMin[f], [(low[f], 1)]);
            upper[f] = lp.AddVariable(1, 0, model.K, [(high[f], -1)]);
            integers.Add(lower[f]);
            integers.Add(upper[f]);
        }

        var result = new BranchAndBound(lp, integers).Solve(cancellationToken: cancellationToken);
        var relaxations = new List<QuotaRelaxation>();
        if (result.Status != LpStatus.Optimal)
        {
            return relaxations;
        }

        for (var c = 0; c < model.Pool.Categories.Count; c++)
        {
            var category = model.Pool.Categories[c];
            for (var i = 0; i < category.Values.Count; i++)
            {
                var f = model.FeatureOffset[c] + i;
                var down = (int)Math.Round(result.Values[lower[f]]);
                var up = (int)Math.Round(result.Values[upper[f]]);
                if (down > 0 || up > 0)
                {
                    var quota = category.Values[i];
                    relaxations.Add(new QuotaRelaxation(category.Name, quota.Value, quota.Min, quota.Max, quota.Min - down, quota.Max + up));
                }
            }
        }

        return relaxations;
    }

    public static string WhyNeverSelected(TypeModel model, int type)
    {
        foreach (var f in model.TypeFeatures[type])
        {
            if (model.FeatureMax[f] == 0)
            {
                return $"the quota {model.FeatureName[f]} allows nobody (maximum 0)";
            }
        }

        return "no panel meeting every quota can include them (with them on the panel the quotas of "
            + string.Join(", ", model.TypeFeatures[type].Select(f => model.FeatureName[f])) + " cannot all be met)";
    }
}
