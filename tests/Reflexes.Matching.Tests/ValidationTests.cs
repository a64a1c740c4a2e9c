using System.Text;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Tests;

public sealed class ValidationTests
{
    private const string GoodVolunteer = """{"id": "v1", "lat": 45.7, "lon": 4.8, "maxDistanceKm": 5, "halfDays": ["2026-12-07AM"], "maxPerWeek": 2, "maxTotal": 4}""";
    private const string GoodSlot = """{"id": "s1", "halfDay": "2026-12-07AM", "lat": 45.7, "lon": 4.8, "needed": 1, "priority": 2}""";

    private static string[] Errors(string json) =>
        [.. Should.Throw<MatchingInputException>(() => InstanceReader.Read(Encoding.UTF8.GetBytes(json), "instance.json")).Errors.Select(e => e.ToString())];

    [Fact]
    public void A_valid_instance_is_read_with_every_field()
    {
        var instance = InstanceReader.Read(Encoding.UTF8.GetBytes($$"""
            {"volunteers": [{"id": "v1", "skills": ["first-aid"], "languages": ["fr", "ta"], "lat": 45.7, "lon": 4.8,
              "maxDistanceKm": 5.5, "halfDays": ["2026-12-07AM", "2026-12-08PM"], "maxPerWeek": 2, "maxTotal": 4}],
             "slots": [{{GoodSlot}}]}
            """), "instance.json");

        var v = instance.Volunteers.ShouldHaveSingleItem();
        (v.Id, v.MaxDistanceKm, v.MaxPerWeek, v.MaxTotal).ShouldBe(("v1", 5.5, 2, 4));
        v.Languages.ShouldBe(["fr", "ta"]);
        v.HalfDays.Select(h => h.ToString()).ShouldBe(["2026-12-07AM", "2026-12-08PM"]);
        var s = instance.Slots.ShouldHaveSingleItem();
        (s.Id, s.Needed, s.Priority, s.Weight, s.HalfDay.ToString()).ShouldBe(("s1", 1, 2, 10, "2026-12-07AM"));
    }

    [Fact]
    public void An_impossible_half_day_is_named_with_its_element_field_and_position()
    {
        var errors = Errors($$"""
            {"volunteers": [{{GoodVolunteer}},
              {"id": "v2", "lat": 45.7, "lon": 4.8, "maxDistanceKm": 5, "halfDays": ["2026-12-07AM", "2026-13-40AM"], "maxPerWeek": 2, "maxTotal": 4}],
             "slots": [{{GoodSlot}}]}
            """);

        errors.ShouldBe(["line 2, column 90: volunteers[1] (id \"v2\"), field \"halfDays[1]\": \"2026-13-40AM\" is not a real half-day (expected a calendar date followed by AM or PM, like 2026-12-07AM)"]);
    }

    [Theory]
    [InlineData("\"needed\": 0, \"priority\": 2", "field \"needed\": must be at least 1 person (got 0)")]
    [InlineData("\"needed\": -3, \"priority\": 2", "field \"needed\": must be at least 1 person (got -3)")]
    [InlineData("\"needed\": 1, \"priority\": 4", "field \"priority\": must be 1 (essential), 2 (important) or 3 (normal) (got 4)")]
    [InlineData("\"needed\": 1, \"priority\": 0", "field \"priority\": must be 1 (essential), 2 (important) or 3 (normal) (got 0)")]
    [InlineData("\"needed\": 1.5, \"priority\": 1", "field \"needed\": must be a whole number (got 1.5)")]
    [InlineData("\"needed\": \"two\", \"priority\": 1", "field \"needed\": must be a whole number, not a string")]
    [InlineData("\"priority\": 1", "field \"needed\": is missing")]
    [InlineData("\"needed\": 1, \"priority\": 1, \"neded\": 2", "field \"neded\": is not a slot field")]
    public void Slot_errors_name_the_slot_and_the_field(string fields, string expected)
    {
        var errors = Errors($$"""{"volunteers": [], "slots": [{"id": "s9", "halfDay": "2026-12-07PM", "lat": 45, "lon": 4, {{fields}}}]}""");

        errors.ShouldHaveSingleItem().ShouldContain($"slots[0] (id \"s9\"), {expected}");
    }

    [Fact]
    public void Duplicate_ids_point_at_the_second_element_and_name_the_first()
    {
        var errors = Errors($$"""
            {"volunteers": [{{GoodVolunteer}}, {{GoodVolunteer}}],
             "slots": [{{GoodSlot}}]}
            """);

        errors.ShouldBe([$"line 1, column {17 + GoodVolunteer.Length + 2}: volunteers[1], field \"id\": \"v1\" is already the id of volunteers[0]"]);
    }

    [Fact]
    public void Every_error_of_the_file_is_reported_not_only_the_first()
    {
        var errors = Errors("""
            {"volunteers": [{"id": "", "lat": 95, "lon": 4.8, "maxDistanceKm": -1, "halfDays": "monday", "maxPerWeek": 20, "maxTotal": 4}],
             "slots": [{"id": "s1", "halfDay": "2026-02-29PM", "lat": 45.7, "lon": 4.8, "needed": 1, "priority": 1}],
             "territory": "Valbrune"}
            """);

        errors.ShouldBe([
            "line 1, column 24: volunteers[0], field \"id\": must not be empty",
            "line 1, column 35: volunteers[0], field \"lat\": must be between -90 and 90 (got 95)",
            "line 1, column 68: volunteers[0], field \"maxDistanceKm\": must be between 0 and 20100 (got -1)",
            "line 1, column 84: volunteers[0], field \"halfDays\": must be an array of half-days, not a string",
            "line 1, column 108: volunteers[0], field \"maxPerWeek\": must be between 0 and 14 half-days per week (got 20)",
            "line 2, column 36: slots[0] (id \"s1\"), field \"halfDay\": \"2026-02-29PM\" is not a real half-day (expected a calendar date followed by AM or PM, like 2026-12-07AM)",
            "line 3, column 2: unknown field \"territory\" (an instance has \"volunteers\" and \"slots\")",
        ]);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line_and_column()
    {
        var errors = Errors("{\"volunteers\": [],\n \"slots\": [\n  {\"id\": \"s1\",, }]}");

        errors.ShouldHaveSingleItem().ShouldStartWith("line 3, column 15: not valid JSON:");
    }

    [Fact]
    public void A_file_that_is_not_an_instance_says_what_is_expected()
    {
        Errors("[1, 2]").ShouldBe(["line 1, column 1: an instance must be a JSON object with \"volunteers\" and \"slots\" arrays"]);
        Errors("{\"volunteers\": []}").ShouldBe(["line 1, column 1: the instance has no \"slots\" array"]);
    }

    [Fact]
    public void Assignment_lists_report_missing_fields_and_duplicates()
    {
        var error = Should.Throw<MatchingInputException>(() => AssignmentListReader.Read(Encoding.UTF8.GetBytes("""
            {"assignments": [
              {"volunteer": "v1", "slot": "s1"},
              {"volunteer": "v2"},
              {"volunteer": "v1", "slot": "s1"}
            ]}
            """), "confirmed.json"));

        error.Errors.Select(e => e.ToString()).ShouldBe([
            "line 3, column 3: assignments[1], field \"slot\": is missing",
            "line 4, column 3: assignments[2]: volunteer \"v1\" in slot \"s1\" is already listed as assignments[0]",
        ]);
    }
}
