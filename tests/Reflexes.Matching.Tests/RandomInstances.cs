using Reflexes.Matching.Model;

namespace Reflexes.Matching.Tests;

/// <summary>Small seeded random instances, spanning two ISO weeks, for comparison with brute force.</summary>
internal static class RandomInstances
{
    // Sunday 6 December 2026 ends ISO week 49; Monday 7 and Friday 11 are in week 50.
    private static readonly string[] HalfDays = ["2026-12-06AM", "2026-12-06PM", "2026-12-07AM", "2026-12-07PM", "2026-12-11AM"];
    private static readonly string[] Skills = ["first-aid", "driving"];
    private static readonly string[] Languages = ["fr", "ta"];

    public static MatchingInstance Create(int seed, int maxPairs)
    {
        var random = new Random(seed);
        while (true)
        {
            var volunteers = Enumerable.Range(0, random.Next(1, 6)).Select(i => Make.Volunteer(
                $"v{i}",
                Pick(random, HalfDays, 0.5),
                lat: Make.Lat + ((random.NextDouble() - 0.5) * 0.1),
                lon: Make.Lon + ((random.NextDouble() - 0.5) * 0.1),
                maxKm: random.Next(1, 9),
                perWeek: random.Next(0, 3),
                total: random.Next(0, 4),
                skills: Pick(random, Skills, 0.6),
                languages: Pick(random, Languages, 0.6))).ToList();
            var slots = Enumerable.Range(0, random.Next(1, 6)).Select(i => Make.Slot(
                $"s{i}",
                HalfDays[random.Next(HalfDays.Length)],
                lat: Make.Lat + ((random.NextDouble() - 0.5) * 0.1),
                lon: Make.Lon + ((random.NextDouble() - 0.5) * 0.1),
                needed: random.Next(1, 3),
                priority: random.Next(1, 4),
                skills: Pick(random, Skills, 0.3),
                languages: Pick(random, Languages, 0.2))).ToList();
            var instance = Make.Instance(volunteers, slots);
            if (BruteForce.Pairs(instance).Count <= maxPairs)
            {
                return instance;
            }
        }
    }

    /// <summary>A larger instance, beyond brute force: 40 volunteers and 15 slots over two ISO weeks.</summary>
    public static MatchingInstance Medium(int seed)
    {
        var random = new Random(seed);
        var volunteers = Enumerable.Range(0, 40).Select(i => Make.Volunteer(
            $"v{i}",
            Pick(random, HalfDays, 0.6),
            lat: Make.Lat + ((random.NextDouble() - 0.5) * 0.15),
            lon: Make.Lon + ((random.NextDouble() - 0.5) * 0.15),
            maxKm: random.Next(2, 10),
            perWeek: random.Next(1, 3),
            total: random.Next(1, 4),
            skills: Pick(random, Skills, 0.6),
            languages: Pick(random, Languages, 0.7))).ToList();
        var slots = Enumerable.Range(0, 15).Select(i => Make.Slot(
            $"s{i}",
            HalfDays[random.Next(HalfDays.Length)],
            lat: Make.Lat + ((random.NextDouble() - 0.5) * 0.15),
            lon: Make.Lon + ((random.NextDouble() - 0.5) * 0.15),
            needed: random.Next(1, 5),
            priority: random.Next(1, 4),
            skills: Pick(random, Skills, 0.3),
            languages: Pick(random, Languages, 0.2))).ToList();
        return Make.Instance(volunteers, slots);
    }

    private static string[] Pick(Random random, string[] from, double probability) =>
        [.. from.Where(_ => random.NextDouble() < probability)];
}
