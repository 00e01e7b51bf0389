namespace GraphApi.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document and the behaviour are one contract: every operation is driven into every status it declares
/// (Recipes.cs, from the samples in Samples.cs) and each answer is checked for its shape (ResponseShape.cs). The other
/// half, that no operation answers a status it does not declare, is checked on every request of every API test
/// (StatusRecorder, in each test factory).
/// </summary>
public sealed class ContractTests(ContractApps apps) : IClassFixture<ContractApps>
{
    /// <summary>The statuses the theory drives; a status declared outside this list fails <see cref="Every_declared_status_has_a_sample_and_a_recipe"/>.</summary>
    private static readonly int[] Driven = [200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 410, 412, 413, 415, 429, 503];

    public static TheoryData<int> Statuses => new(Driven);

    private static ApiDocument Document => ContractDocument.Current;

    [Fact]
    public void Every_declared_status_has_a_sample_and_a_recipe()
    {
        var missing = Document.Operations.Where(op => !Samples.Has(op.Id)).Select(op => $"{op}: no sample request in Contract/Samples.cs")
            .Concat(Document.Operations.SelectMany(op => op.Statuses.Where(s => Recipes.For(op, s) is null || !Driven.Contains(s))
                .Select(s => $"{op} declares {s}: no recipe reaches it (add one to Contract/Recipes.cs, and {s} to ContractTests.Statuses)")))
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_known_gap_is_still_undeclared()
    {
        var closed = KnownGaps.Undeclared
            .Where(gap => Document.Operations.Any(op => op.Id == gap.Operation && op.Declares(gap.Status)))
            .Select(gap => $"{gap.Operation} now declares {gap.Status}: remove it from Contract/KnownGaps.cs")
            .Concat(KnownGaps.Undeclared.Concat(KnownGaps.Broken).Where(gap => Document.Operations.All(op => op.Id != gap.Operation))
                .Select(gap => $"{gap.Operation} is no operation of the document: remove it from Contract/KnownGaps.cs"))
            .ToList();
        Assert.True(closed.Count == 0, string.Join("\n", closed));
    }

    [SkippableTheory]
    [MemberData(nameof(Statuses))]
    public async Task Every_operation_answers_each_declared_status_in_its_declared_shape(int status)
    {
        var failures = new List<string>();
        var unavailable = new List<string>();
        var operations = Document.Operations.Where(op => op.Declares(status)).ToList();
        foreach (var operation in operations)
        {
            if (Recipes.For(operation, status) is not { } recipe)
            {
                continue; // reported by Every_declared_status_has_a_sample_and_a_recipe
            }
            IReadOnlyList<string> problems;
            try
            {
                using var response = await recipe(apps, operation);
                problems = await ResponseShape.ProblemsAsync(operation, status, response);
            }
            catch (RecipeUnavailableException why)
            {
                unavailable.Add($"{operation}: {why.Message}");
                continue;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or UndeclaredStatusException)
            {
                problems = [$"its recipe failed: {ex.Message}"];
            }
            if (KnownGaps.Breaks(operation.Id, status))
            {
                if (problems.Count == 0)
                {
                    failures.Add($"{operation}: {status} keeps the contract now: remove it from KnownGaps.Broken");
                }
                continue;
            }
            failures.AddRange(problems.Select(p => $"{operation}: {p}"));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {operations.Count} operations declaring {status} break the contract:\n" + string.Join("\n", failures));
        Skip.If(unavailable.Count > 0, $"{status} could not be reached on this machine for:\n" + string.Join("\n", unavailable));
    }
}
