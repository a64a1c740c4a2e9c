using Reflexes.Sortition.Input;

namespace Reflexes.Sortition.Tests;

public sealed class InputFormatTests
{
    [Fact]
    public void Replication_format_reads_categories_and_numbers_people_from_zero()
    {
        var pool = ReplicationFormat.Read(TestData.Replication("example_small_20", "categories.csv"), TestData.Replication("example_small_20", "respondents.csv"));

        pool.IdsAreRowNumbers.ShouldBeTrue();
        pool.Categories.Select(c => c.Name).ShouldBe(["gender", "leaning"]);
        pool.Categories[0].Values.ShouldBe([new FeatureQuota("female", 9, 20), new FeatureQuota("male", 9, 20)]);
        pool.People[0].Id.ShouldBe("0");
        pool.Describe(0, 0).ShouldBe("female");
        pool.Describe(0, 1).ShouldBe("conservative");
        pool.People[^1].Id.ShouldBe("199");
    }

    [Fact]
    public void Sortition_foundation_format_reads_features_ids_and_households()
    {
        var pool = SortitionFoundationFormat.Read(TestData.Foundation("features.csv"), TestData.Foundation("candidates.csv"));

        pool.IdsAreRowNumbers.ShouldBeFalse();
        pool.Categories.Select(c => c.Name).ShouldBe(["Gender", "age_bracket", "edu_level", "geo_bucket"]);
        pool.Categories[1].Values[0].ShouldBe(new FeatureQuota("0-15", 0, 0));
        pool.People[0].Id.ShouldBe("p0");
        pool.Describe(0, 0).ShouldBe("Male");
        pool.People[0].Household.ShouldBe("PRIMARYADDRESS10|PRIMARYADDRESS20|PRIMARYCITY0|PRIMARYZIP0");
    }

    [Fact]
    public void Addresses_written_differently_are_one_household()
    {
        var features = TestData.WriteTemp("features.csv", "feature,value,min,max\ngender,f,0,2\ngender,m,0,2\n");
        var people = TestData.WriteTemp("people.csv", "id,gender,primary_address1,primary_zip\na,f,\"12, Rue des Lilas\",75001\nb,m,12 rue des lilas,75001\nc,m,3 Place Haute,75002\n");

        var pool = SortitionFoundationFormat.Read(features, people);

        pool.People[0].Household.ShouldBe(pool.People[1].Household);
        pool.People[2].Household.ShouldNotBe(pool.People[0].Household);
    }

    [Theory]
    [InlineData("category,feature,min,max\ngender,female,1,2\ngender,male,x,2\n", "line 3, column 3: 'x' is not a whole number of people")]
    [InlineData("category,feature,min,max\ngender,female,3,2\n", "line 2, column 3: min 3 is greater than max 2")]
    [InlineData("category,feature,min,max\ngender,female,1,2\ngender,female,1,2\n", "line 3, column 2: 'gender' / 'female' is listed twice")]
    [InlineData("category,feature,min\ngender,female,1\n", "line 1: the header has no 'max' column")]
    [InlineData("category,feature,min,max\ngender,female,1,2,9\n", "line 2, column 5: expected 4 fields as in the header, found 5")]
    [InlineData("category,feature,min,max\ngender,\"female,1,2\n", "line 2, column 2: a quoted field is never closed")]
    public void Malformed_quota_files_are_reported_with_file_line_and_column(string content, string expected)
    {
        var categories = TestData.WriteTemp("categories.csv", content);
        var respondents = TestData.WriteTemp("respondents.csv", "gender\nfemale\n");

        var error = Should.Throw<SortitionInputException>(() => ReplicationFormat.Read(categories, respondents));

        error.Message.ShouldStartWith("categories.csv: ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_respondent_value_missing_from_the_quotas_is_reported_where_it_is()
    {
        var categories = TestData.WriteTemp("categories.csv", "category,feature,min,max\ngender,female,1,2\ngender,male,1,2\n");
        var respondents = TestData.WriteTemp("respondents.csv", "gender\nfemale\nmale\nmael\n");

        var error = Should.Throw<SortitionInputException>(() => ReplicationFormat.Read(categories, respondents));

        error.Message.ShouldBe("respondents.csv: line 4, column 1: 'mael' is not a value of category 'gender' in categories.csv (expected one of: female, male).");
    }

    [Fact]
    public void Duplicate_ids_and_missing_category_columns_in_a_people_file_are_reported()
    {
        var features = TestData.WriteTemp("features.csv", "feature,value,min,max,min_flex,max_flex\ngender,f,0,2,0,2\ngender,m,0,2,0,2\n");
        var duplicate = TestData.WriteTemp("people.csv", "id,gender\na,f\nb,m\na,m\n");
        var missing = TestData.WriteTemp("people.csv", "id,sex\na,f\n");

        Should.Throw<SortitionInputException>(() => SortitionFoundationFormat.Read(features, duplicate))
            .Message.ShouldBe("people.csv: line 4, column 1: id 'a' already appears on line 2.");
        Should.Throw<SortitionInputException>(() => SortitionFoundationFormat.Read(features, missing))
            .Message.ShouldBe("people.csv: line 1: the header has no 'gender' column (found: id, sex).");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Should.Throw<SortitionInputException>(() => ReplicationFormat.Read("/nonexistent/categories.csv", "/nonexistent/respondents.csv"));

        error.Message.ShouldBe("categories.csv: file not found (/nonexistent/categories.csv).");
    }
}
