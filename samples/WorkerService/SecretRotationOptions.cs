using System;

namespace WorkerService;

/// <summary>When secrets are rotated.</summary>
public sealed class SecretRotationOptions
{
    /// <summary>Gets or sets the age after which a confidential client's secret is rotated.</summary>
    public TimeSpan MaxSecretAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Gets or sets the time between two passes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets a value indicating whether to make one pass and stop (for a scheduled job, or CI).</summary>
    public bool RunOnce { get; set; }
}
