using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Reflexes.Sortition.Lottery;

/// <summary>
/// Turns a public seed into a uniformly random number, reproducibly and without modulo bias
/// (docs/sortition-draw.md): h₀ = SHA-256(UTF-8 bytes of the seed text); read the first 8 bytes of hᵢ as a
/// big-endian unsigned integer X; if X &lt; 2⁶⁴ − (2⁶⁴ mod N) the result is (X mod N) + 1, otherwise
/// hᵢ₊₁ = SHA-256(hᵢ) and try again.
/// </summary>
public static class PublicDraw
{
    public static int Number(string seed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var n = (ulong)count;
        // 2^64 mod n; accepted values are 0 .. 2^64 − r − 1, whose count is a multiple of n.
        var r = ((ulong.MaxValue % n) + 1) % n;
        var largestAccepted = ulong.MaxValue - r;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        while (true)
        {
            var x = BinaryPrimitives.ReadUInt64BigEndian(hash);
            if (x <= largestAccepted)
            {
                return (int)(x % n) + 1;
            }

            hash = SHA256.HashData(hash);
        }
    }

    /// <summary>
    /// Draws who replaces <paramref name="declined"/> on <paramref name="panel"/>: among respondents not on the
    /// panel and not excluded, those with exactly the same values in every category if there are any (the
    /// panel's make-up is then unchanged), otherwise everyone whose arrival keeps every quota and the household
    /// rule; candidates are taken in pool order and one is drawn with <see cref="Number"/> on
    /// <see cref="ReplacementSeed"/>. Returns null if nobody keeps the quotas.
    /// </summary>
    public static int? Replacement(Pool pool, bool households, IReadOnlyList<int> panel, int declined, ISet<int> excluded, string seed)
    {
        var remaining = panel.Where(m => m != declined).ToList();
        var onPanel = new HashSet<int>(panel);
        var twins = new List<int>();
        var keepsQuotas = new List<int>();
        for (var i = 0; i < pool.People.Count; i++)
        {
            if (onPanel.Contains(i) || excluded.Contains(i))
            {
                continue;
            }

            if (households && pool.People[i].Household is { } h && remaining.Any(m => pool.People[m].Household == h))
            {
                continue;
            }

            if (pool.People[i].Values.SequenceEqual(pool.People[declined].Values))
            {
                twins.Add(i);
            }
            else if (MeetsQuotas(pool, [.. remaining, i]))
            {
                keepsQuotas.Add(i);
            }
        }

        var candidates = twins.Count > 0 ? twins : keepsQuotas;
        return candidates.Count == 0 ? null : candidates[Number(ReplacementSeed(seed, pool.People[declined].Id), candidates.Count) - 1];
    }

    public static bool MeetsQuotas(Pool pool, IReadOnlyList<int> members)
    {
        for (var c = 0; c < pool.Categories.Count; c++)
        {
            var counts = new int[pool.Categories[c].Values.Count];
            foreach (var m in members)
            {
                counts[pool.People[m].Values[c]]++;
            }

            for (var v = 0; v < counts.Length; v++)
            {
                if (counts[v] < pool.Categories[c].Values[v].Min || counts[v] > pool.Categories[c].Values[v].Max)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The seed used to draw the replacement of a person who declines: the public seed, then "/replacement/", then their id.</summary>
    public static string ReplacementSeed(string seed, string declinedId) => seed + "/replacement/" + declinedId;
}
