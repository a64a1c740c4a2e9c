using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using CallDesk = Reflexes.Web.Modules.Outreach.Calls.CallDesk;

namespace Reflexes.Outreach.Bench;

/// <summary>Collects the call desk's own measures of each hand-out's steps.</summary>
internal sealed class Breakdown
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _values = new();

    public MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == CallDesk.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _values.GetOrAdd(instrument.Name, _ => []).Add(value));
        listener.Start();
        return listener;
    }

    public string Describe(string name)
    {
        if (!_values.TryGetValue(name, out var bag) || bag.IsEmpty)
        {
            return "-";
        }

        var sorted = bag.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{P(0.5):F1} / {P(0.95):F1}");
    }
}
