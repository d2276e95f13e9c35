using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace OAuthClients.Sdk.Benchmarks;

/// <summary>
/// Turns the summaries into the table of docs/performance.md: per dialect, transport and operation, the mean and
/// allocations of the three implementations, the SDK's ratios against the hand-written baseline and against Refit
/// (same run), and whether each budget of issue 16 is met.
/// </summary>
public static class BudgetReport
{
    private const double TimeBudget = 1.05;
    private const double AllocBudget = 1.10;

    public static string Write(IEnumerable<Summary> summaries, bool smoke)
    {
        var rows = new List<Row>();
        string? resultsDirectory = null;
        foreach (var summary in summaries)
        {
            resultsDirectory ??= summary.ResultsDirectoryPath;
            foreach (var report in summary.Reports)
            {
                var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                var split = method.IndexOf('_', StringComparison.Ordinal);
                rows.Add(new Row(
                    report.BenchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal),
                    report.BenchmarkCase.Parameters["Transport"]?.ToString() ?? "?",
                    method[..split],
                    method[(split + 1)..],
                    report.ResultStatistics?.Mean,
                    report.ResultStatistics?.StandardError,
                    report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)));
            }
        }

        var text = new StringBuilder();
        if (smoke)
        {
            text.AppendLine("SMOKE RUN: one cold invocation per benchmark; the figures below only show that everything runs.");
            text.AppendLine();
        }

        text.AppendLine("| API | Transport | Operation | SDK mean | SDK alloc | HandWritten mean | HandWritten alloc | Refit mean | Refit alloc | SDK/HW time | SDK/HW alloc | SDK/Refit time | SDK/Refit alloc | Budgets |");
        text.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        var verdicts = new List<string>();
        foreach (var group in rows.GroupBy(r => (r.Dialect, r.Transport, r.Operation)).OrderBy(g => g.Key.Dialect, StringComparer.Ordinal).ThenBy(g => g.Key.Transport, StringComparer.Ordinal).ThenBy(g => OperationOrder(g.Key.Operation)))
        {
            var sdk = group.FirstOrDefault(r => r.Implementation == "Sdk");
            var handWritten = group.FirstOrDefault(r => r.Implementation == "HandWritten");
            var refit = group.FirstOrDefault(r => r.Implementation == "Refit");
            if (sdk is null || handWritten is null)
            {
                continue;
            }

            var timeVsBaseline = Ratio(sdk.Mean, handWritten.Mean);
            var allocVsBaseline = Ratio(sdk.Allocated, handWritten.Allocated);
            var timeVsRefit = Ratio(sdk.Mean, refit?.Mean);
            var allocVsRefit = Ratio(sdk.Allocated, refit?.Allocated);
            var missed = new List<string>();
            if (timeVsBaseline > TimeBudget)
            {
                missed.Add(FormattableString.Invariant($"time {timeVsBaseline:0.00}x > {TimeBudget:0.00}x"));
            }

            if (allocVsBaseline > AllocBudget)
            {
                missed.Add(FormattableString.Invariant($"alloc {allocVsBaseline:0.00}x > {AllocBudget:0.00}x"));
            }

            var verdict = missed.Count == 0 ? "met" : "MISSED: " + string.Join("; ", missed);
            verdicts.Add($"{group.Key.Dialect} {group.Key.Transport} {group.Key.Operation}: {verdict}");
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Dialect} | {group.Key.Transport} | {Operation(group.Key.Operation)} ")
                .Append(CultureInfo.InvariantCulture, $"| {Time(sdk)} | {Bytes(sdk.Allocated)} | {Time(handWritten)} | {Bytes(handWritten.Allocated)} | {(refit is null ? "" : Time(refit))} | {(refit is null ? "" : Bytes(refit.Allocated))} ")
                .Append(CultureInfo.InvariantCulture, $"| {timeVsBaseline:0.00} | {allocVsBaseline:0.00} | {Blank(timeVsRefit)} | {Blank(allocVsRefit)} | {verdict} |")
                .AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Budgets (issue 16; SDK against the hand-written baseline of the same run, every operation): time <= 1.05x, allocations <= 1.10x. Refit is shown for comparison where it is measured.");
        var result = text.ToString();
        if (resultsDirectory is not null)
        {
            Directory.CreateDirectory(resultsDirectory);
            var path = Path.Combine(resultsDirectory, smoke ? "budgets-smoke.md" : "budgets.md");
            File.WriteAllText(path, result);
            Console.WriteLine($"// Budget table written to {path}");
        }

        return result;
    }

    private static int OperationOrder(string operation) => operation switch
    {
        "Get" => 0,
        "Create" => 1,
        "List1000" => 2,
        "Enable" => 3,
        "Disable" => 4,
        "RevokeTokens" => 5,
        "GetScopes" => 6,
        _ => 7,
    };

    private static string Blank(double ratio) => double.IsNaN(ratio) ? string.Empty : ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Operation(string operation) => operation == "List1000" ? "List 1,000" : operation;

    private static double Ratio(double? value, double? baseline) => value is { } v && baseline is { } b && b > 0 ? v / b : double.NaN;

    private static string Time(Row row)
    {
        if (row.Mean is not { } ns)
        {
            return "n/a";
        }

        var error = row.StandardError is { } se ? FormattableString.Invariant($" ±{Scale(se)}") : string.Empty;
        return Scale(ns) + error;

        static string Scale(double value) => value switch
        {
            >= 1_000_000 => FormattableString.Invariant($"{value / 1_000_000:0.00} ms"),
            >= 1_000 => FormattableString.Invariant($"{value / 1_000:0.00} μs"),
            _ => FormattableString.Invariant($"{value:0} ns"),
        };
    }

    private static string Bytes(double? bytes) => bytes switch
    {
        null => "n/a",
        >= 1024 * 1024 => FormattableString.Invariant($"{bytes / (1024 * 1024):0.00} MB"),
        >= 100 * 1024 => FormattableString.Invariant($"{bytes / 1024:0.0} KB"),
        _ => FormattableString.Invariant($"{bytes:N0} B"),
    };

    private sealed record Row(string Dialect, string Transport, string Operation, string Implementation, double? Mean, double? StandardError, double? Allocated);
}
