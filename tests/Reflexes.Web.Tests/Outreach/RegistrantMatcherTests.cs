using System.Text;
using Microsoft.Extensions.Configuration;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Registry;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The duplicate matcher and the import's file reading, without a database.</summary>
public sealed class RegistrantMatcherTests
{
    private static RegistrantMatcher.Person P(string first, string last, string birth, string address, string phone, string? other = null) =>
        new(first, last, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), address, phone, other);

    public static TheoryData<string, RegistrantMatcher.Person, RegistrantMatcher.Person> SamePerson() => new()
    {
        { "accents and case", P("Hélène", "Lefèvre", "1940-03-12", "12 rue des Lilas", "04 78 12 34 56"), P("HELENE", "LEFEVRE", "1940-03-12", "12 rue des lilas", "0478123456") },
        { "hyphen and abbreviated street", P("Marie-Claire", "Dubois", "1938-11-02", "4 avenue Jean Jaurès", "04 78 00 11 22"), P("Marie Claire", "Dubois", "1938-11-02", "4, av. Jean-Jaurès", "+33 4 78 00 11 22") },
        { "first and last names swapped", P("Jean", "Moreau", "1945-07-30", "8 place du Marché", "04 72 10 20 30"), P("Moreau", "Jean", "1945-07-30", "8 pl. du Marché", "04 72 10 20 30") },
        { "typo in the last name, other address", P("Robert", "Bertrand", "1941-01-15", "3 impasse des Acacias", "04 78 55 44 33"), P("Robert", "Bertran", "1941-01-15", "Résidence Les Tilleuls, bât. B", "06 11 22 33 44") },
        { "married name, same phone", P("Suzanne", "Girard", "1936-05-05", "20 rue Victor Hugo", "04 78 66 77 88"), P("Suzanne", "Perrin", "1936-05-05", "20 rue Victor Hugo", "04 78 66 77 88") },
        { "day and month swapped", P("Lucienne", "Faure", "1939-04-09", "15 chemin des Vignes", "04 78 90 12 34"), P("Lucienne", "Faure", "1939-09-04", "15 ch. des Vignes", "04 78 90 12 34") },
        { "one digit of the year wrong", P("Albert", "Roux", "1937-06-21", "2 boulevard de la Liberté", "04 78 33 22 11"), P("Albert", "Roux", "1947-06-21", "2 bd de la Liberte", "06 00 00 00 01") },
        { "ligature", P("Cœur", "Lambert", "1944-02-02", "1 rue Haute", "04 78 01 02 03"), P("Coeur", "Lambert", "1944-02-02", "1 rue Haute", "04 78 01 02 03") },
    };

    public static TheoryData<string, RegistrantMatcher.Person, RegistrantMatcher.Person> TwoPeople() => new()
    {
        { "spouses sharing address and landline", P("Jean", "Dupont", "1940-03-12", "12 rue des Lilas", "04 78 12 34 56"), P("Jeanne", "Dupont", "1942-08-30", "12 rue des Lilas", "04 78 12 34 56") },
        { "namesakes born on other days", P("Marie", "Martin", "1941-05-10", "3 rue du Port", "04 78 11 11 11"), P("Marie", "Martin", "1952-12-01", "40 avenue de Lyon", "04 78 22 22 22") },
        { "twins with other first names", P("Paul", "Garnier", "1943-09-09", "7 rue Basse", "04 78 44 44 44"), P("Pierre", "Garnier", "1943-09-09", "7 rue Basse", "04 78 44 44 44") },
        { "same birth date, nothing else", P("André", "Blanc", "1938-02-14", "1 rue A", "04 78 10 10 10"), P("Yvette", "Chevalier", "1938-02-14", "99 rue Z", "04 78 20 20 20") },
        { "near birth date and name but nothing else in common", P("Louis", "Mercier", "1940-01-01", "5 rue des Écoles", "04 78 30 30 30"), P("Louis", "Mercier", "1940-01-02", "18 quai Sud", "04 78 40 40 40") },
        { "same surname and phone, mother and daughter", P("Odette", "Simon", "1935-10-10", "9 rue Neuve", "04 78 50 50 50"), P("Sylvie", "Simon", "1965-10-10", "9 rue Neuve", "04 78 50 50 50") },
    };

    [Theory]
    [MemberData(nameof(SamePerson))]
    public void The_same_person_written_twice_is_proposed_as_a_pair(string why, RegistrantMatcher.Person a, RegistrantMatcher.Person b)
    {
        var match = RegistrantMatcher.Compare(a, b);
        match.ShouldNotBeNull(why);
        match.Score.ShouldBeInRange(0.5, 1.0, why);
        RegistrantMatcher.Compare(b, a).ShouldNotBeNull(why + " (either order)");
    }

    [Theory]
    [MemberData(nameof(TwoPeople))]
    public void Two_different_people_who_look_alike_are_not_proposed(string why, RegistrantMatcher.Person a, RegistrantMatcher.Person b) =>
        RegistrantMatcher.Compare(a, b).ShouldBeNull(why);

    [Fact]
    public void The_reasons_say_what_agreed()
    {
        var match = RegistrantMatcher.Compare(
            P("Hélène", "Lefèvre", "1940-03-12", "12 rue des Lilas", "04 78 12 34 56"), P("Helene", "Lefevre", "1940-03-12", "12 r. des Lilas", "+33478123456"))!;
        match.Reasons.ShouldBe(["registry.match.same-birth-date", "registry.match.same-name", "registry.match.same-phone", "registry.match.similar-address"]);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("same", "same", 1.0)]
    public void Jaro_winkler_gives_the_published_values(string a, string b, double expected) =>
        RegistrantMatcher.JaroWinkler(a, b).ShouldBe(expected, 0.001);

    [Theory]
    [InlineData("  Éloïse D'Arcy-Müller ", "eloise d arcy muller")]
    [InlineData("ŒUVRE", "oeuvre")]
    public void Names_are_compared_without_accents_case_or_punctuation(string raw, string normalised) =>
        RegistrantMatcher.Normalise(raw).ShouldBe(normalised);

    [Theory]
    [InlineData("+33 4 78 12 34 56", "0478123456")]
    [InlineData("0033 (0)4.78.12.34.56", "00478123456")]
    [InlineData("04-78-12-34-56", "0478123456")]
    public void Phone_numbers_are_compared_digit_by_digit_with_the_country_code_folded(string raw, string digits) =>
        RegistrantMatcher.PhoneDigits(raw).ShouldBe(digits);

    [Theory]
    [InlineData("1940-03-12", "1940-03-12", RegistrantMatcher.BirthDateMatch.Same)]
    [InlineData("1940-03-12", "1940-12-03", RegistrantMatcher.BirthDateMatch.Near)]
    [InlineData("1940-03-12", "1940-03-21", RegistrantMatcher.BirthDateMatch.Near)]
    [InlineData("1940-03-12", "1941-03-12", RegistrantMatcher.BirthDateMatch.Near)]
    [InlineData("1940-03-12", "1950-03-12", RegistrantMatcher.BirthDateMatch.Near)]
    [InlineData("1940-03-12", "1940-05-19", RegistrantMatcher.BirthDateMatch.Different)]
    [InlineData("1940-03-12", "1962-03-12", RegistrantMatcher.BirthDateMatch.Different)]
    public void Birth_dates_are_near_when_one_keystroke_or_a_day_month_swap_apart(string a, string b, RegistrantMatcher.BirthDateMatch expected) =>
        RegistrantMatcher.BirthDates(DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Addresses_with_different_house_numbers_are_not_similar()
    {
        RegistrantMatcher.AddressSimilarity("12 rue des Lilas", "14 rue des Lilas").ShouldBe(0);
        RegistrantMatcher.AddressSimilarity("12 rue des Lilas", "12, r. des lilas").ShouldBe(1, 0.001);
    }

    [Fact]
    public void Blocking_finds_every_pair_the_matcher_would_find_within_a_file()
    {
        var batch = Guid.NewGuid();
        var people = SamePerson().SelectMany(row => new[] { (RegistrantMatcher.Person)row[1], (RegistrantMatcher.Person)row[2] })
            .Concat(TwoPeople().SelectMany(row => new[] { (RegistrantMatcher.Person)row[1], (RegistrantMatcher.Person)row[2] })).ToList();
        var rows = people.Select((p, i) => RegistrantImportRow.Stage(batch, i + 2,
            new RegistrantDetails(p.FirstName, p.LastName, p.BirthDate, p.Address, null, p.Phone, p.OtherPhone, null, EligibilityGround.Age65Plus))).ToList();

        var proposed = RegistryImporter.ProposePairs(batch, rows, []).Select(p => (p.OtherRowId!.Value, p.RowId)).ToHashSet();

        var all = (from i in Enumerable.Range(0, rows.Count)
                   from j in Enumerable.Range(i + 1, rows.Count - i - 1)
                   where RegistrantMatcher.Compare(people[i], people[j]) is not null
                   select (rows[i].Id, rows[j].Id)).ToHashSet();
        all.Count.ShouldBeGreaterThanOrEqualTo(SamePerson().Count);
        proposed.SetEquals(all).ShouldBeTrue();
    }

    [Fact]
    public void A_utf16_or_binary_file_is_not_read_as_text_and_latin1_is()
    {
        RegistryImporter.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("first_name\n")).ToArray()).ShouldBeNull();
        RegistryImporter.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]).ShouldBeNull();
        RegistryImporter.Decode(Encoding.Latin1.GetBytes("Hélène")).ShouldBe("Hélène");
        RegistryImporter.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Hélène")).ToArray()).ShouldBe("Hélène");
    }

    [Theory]
    [InlineData("1940-03-12", "1940-03-12")]
    [InlineData("12/03/1940", "1940-03-12")]
    [InlineData("1940-13-12", null)]
    [InlineData("12.03.1940", null)]
    [InlineData("31/02/1940", null)]
    public void Birth_dates_are_read_in_two_formats_only(string raw, string? expected) =>
        RegistryImporter.ParseDate(raw)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    [Theory]
    [InlineData("65+", EligibilityGround.Age65Plus)]
    [InlineData("Age65Plus", EligibilityGround.Age65Plus)]
    [InlineData("60+ inapte", EligibilityGround.Age60UnfitForWork)]
    [InlineData("Handicap", EligibilityGround.Disability)]
    [InlineData("veuve", null)]
    public void Grounds_are_read_from_their_usual_spellings(string raw, EligibilityGround? expected) =>
        RegistryImporter.ParseGround(raw).ShouldBe(expected);

    [Fact]
    public void Merging_takes_each_chosen_field_and_remembers_what_was_set_aside()
    {
        var kept = new RegistrantDetails("Hélène", "Lefèvre", new DateOnly(1940, 3, 12), "12 rue des Lilas", null, "04 78 12 34 56", null, null, EligibilityGround.Age65Plus);
        var absorbed = kept with { FirstName = "HELENE", Phone = "06 11 22 33 44", AlertContact = "Paul, fils" };

        var result = RegistrantMerging.Combine(kept, absorbed, new Dictionary<string, string> { ["Phone"] = RegistrantMerging.Absorbed });

        result.Details.FirstName.ShouldBe("Hélène");
        result.Details.Phone.ShouldBe("06 11 22 33 44");
        result.Details.AlertContact.ShouldBe("Paul, fils");
        result.Sources["Phone"].ShouldBe(RegistrantMerging.Absorbed);
        result.Sources["AlertContact"].ShouldBe(RegistrantMerging.Absorbed);
        result.Sources["FirstName"].ShouldBe(RegistrantMerging.Kept);
        result.Sources["Address"].ShouldBe("both");
        result.SetAside["Phone"].ShouldBe("04 78 12 34 56");
        result.SetAside["FirstName"].ShouldBe("HELENE");
        result.SetAside.ContainsKey("AlertContact").ShouldBeFalse();
    }
}
