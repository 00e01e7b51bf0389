using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Domain;

public class PartialDateTests
{
    [Theory]
    [InlineData("2015", 2015, null, null)]
    [InlineData("2015-05", 2015, 5, null)]
    [InlineData("2015-11-03", 2015, 11, 3)]
    public void Parses_each_precision_and_formats_it_back(string text, int year, int? month, int? day)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal((year, month, day), (date.Year, date.Month, date.Day));
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("2015-13")]
    [InlineData("2015-02-30")]
    [InlineData("2015-5")]
    [InlineData("2015/05")]
    [InlineData("0999")]
    [InlineData("2015-05-01-01")]
    [InlineData("-2015")]
    public void Rejects_malformed_or_impossible_dates(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Start_and_end_span_the_precision()
    {
        Assert.Equal(new DateOnly(2015, 1, 1), PartialDate.Parse("2015").Start);
        Assert.Equal(new DateOnly(2015, 12, 31), PartialDate.Parse("2015").End);
        Assert.Equal(new DateOnly(2016, 2, 29), PartialDate.Parse("2016-02").End);
    }

    [Fact]
    public void Orders_by_start_then_end() =>
        Assert.True(PartialDate.Parse("2015-01") < PartialDate.Parse("2015") && PartialDate.Parse("2015") < PartialDate.Parse("2015-02"));

    [Fact]
    public void Validity_on_a_date_uses_each_bound_at_its_own_precision()
    {
        var tie = new Relationship { Id = "ab", Source = "aa", Target = "bb", Type = "MOU", Since = PartialDate.Parse("2015-05"), Until = PartialDate.Parse("2016") };
        Assert.False(tie.IsValidOn(new DateOnly(2015, 4, 30)));
        Assert.True(tie.IsValidOn(new DateOnly(2015, 5, 1)));
        Assert.True(tie.IsValidOn(new DateOnly(2016, 12, 31)));
        Assert.False(tie.IsValidOn(new DateOnly(2017, 1, 1)));
    }
}
