using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Interchange;

public class CsvFormulaGuardTests
{
    // What a spreadsheet would evaluate, spelled out here rather than read from the guard, so a trigger dropped from
    // the guard fails these tests.
    public const string SpreadsheetTriggers = "=+-@\t\r\n\0＝＋－＠";

    public static TheoryData<string, string> Hostile => new()
    {
        { "=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")" },
        { "+1", "'+1" },
        { "-2+3", "'-2+3" },
        { "@SUM(A1)", "'@SUM(A1)" },
        { "\t=x", "'\t=x" },
        { "\r=x", "'\r=x" },
        { "\n=x", "'\n=x" },
        { "\0=x", "'\0=x" },
        { "=", "'=" },
        { "＝1+1", "'＝1+1" },
        { "＋1", "'＋1" },
        { "－1", "'－1" },
        { "＠SUM(A1)", "'＠SUM(A1)" },
        // A value that starts the way a guarded cell does is guarded too, or its apostrophe would be lost on import.
        { "'=x", "''=x" },
        { "''", "'''" },
        { "'''=x", "''''=x" },
        { "'\t", "''\t" },
        // Starting with an apostrophe alone is not that shape: left as it is.
        { "'", "'" },
        { "'a", "'a" },
        { "'s-Hertogenbosch", "'s-Hertogenbosch" },
        { "' =x", "' =x" },
        { "", "" },
        { "a=b", "a=b" },
        { " =x", " =x" },
        { "한국산업단지공단", "한국산업단지공단" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escape_writes_the_expected_cell_and_unescape_gives_the_value_back(string value, string cell)
    {
        Assert.Equal(cell, CsvFormulaGuard.Escape(value));
        Assert.Equal(value, CsvFormulaGuard.Unescape(cell));
        Assert.False(cell.Length > 0 && SpreadsheetTriggers.Contains(cell[0], StringComparison.Ordinal), "the cell starts with a trigger");
    }

    [Fact]
    public void A_value_needing_no_guard_is_returned_as_the_same_instance()
    {
        var value = "Pôle Eau";
        Assert.Same(value, CsvFormulaGuard.Escape(value));
        Assert.Same(value, CsvFormulaGuard.Unescape(value));
    }

    [Theory]
    [InlineData("name", true)]
    [InlineData("aliases", true)]
    [InlineData("evidenceQuote", true)]
    [InlineData("eventName", true)]
    [InlineData("id", true)]
    [InlineData("since", false)]
    [InlineData("until", false)]
    [InlineData("strength", false)]
    [InlineData("eventDate", false)]
    [InlineData("inferred", false)]
    public void Text_and_typed_columns_are_told_apart_by_name(string column, bool text)
    {
        Assert.Equal(text, CsvFormulaGuard.IsTextColumn(column));
        Assert.Equal(text ? "-1" : "'-1", CsvFormulaGuard.UnescapeCell(column, "'-1"));
    }

    [Fact]
    public void Every_trigger_the_tests_expect_is_guarded()
    {
        Assert.All(SpreadsheetTriggers, c => Assert.True(CsvFormulaGuard.IsTrigger(c), $"U+{(int)c:X4} is not a trigger"));
        Assert.Equal(SpreadsheetTriggers.Order(), CsvFormulaGuard.Triggers.Order());
    }
}
