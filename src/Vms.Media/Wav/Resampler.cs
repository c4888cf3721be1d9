namespace Vms.Media.Wav;

/// <summary>
/// Band-limited sample-rate conversion (windowed-sinc interpolation, Blackman window, 16 zero crossings each
/// side). The low-pass cut-off sits at 90 % of the lower Nyquist frequency, so downsampling to 8 kHz removes
/// what would alias. The kernel is tabulated once per rate pair (512 phases, linearly interpolated).
/// </summary>
public sealed class Resampler
{
    private const int ZeroCrossings = 16;
    private const int Phases = 512;
    private readonly float[] _table;
    private readonly double _step;
    private readonly int _halfWidth;

    /// <summary>Prepares a conversion from <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1);
        InputRate = inputRate;
        OutputRate = outputRate;
        _step = (double)inputRate / outputRate;
        var cutoff = 0.9 * Math.Min(1.0, (double)outputRate / inputRate); // fraction of the input Nyquist
        _halfWidth = (int)Math.Ceiling(ZeroCrossings / cutoff);
        _table = new float[((_halfWidth + 1) * Phases) + 2];
        for (var i = 0; i < _table.Length; i++)
        {
            var x = (double)i / Phases; // distance in input samples
            _table[i] = x >= _halfWidth ? 0f : (float)(cutoff * Sinc(cutoff * x) * Blackman(x / _halfWidth));
        }
    }

    /// <summary>Input rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Number of output samples for <paramref name="inputLength"/> input samples.</summary>
    public int OutputLength(int inputLength) => (int)((long)inputLength * OutputRate / InputRate);

    /// <summary>Converts a whole signal; returns the output.</summary>
    public short[] Process(ReadOnlySpan<short> input)
    {
        var output = new short[OutputLength(input.Length)];
        Process(input, output);
        return output;
    }

    /// <summary>Converts a whole signal into <paramref name="output"/> (at least <see cref="OutputLength"/> long).</summary>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (InputRate == OutputRate)
        {
            input.CopyTo(output);
            return;
        }

        var n = OutputLength(input.Length);
        var table = _table;
        for (var j = 0; j < n; j++)
        {
            var t = j * _step;
            var center = (int)t;
            var frac = t - center;

            // Taps at and left of the centre lie frac, 1 + frac, 2 + frac … samples away; taps to the right
            // 1 − frac, 2 − frac …: one table position and interpolation weight per side serves all taps.
            var leftPos = frac * Phases;
            var leftIndex = (int)leftPos;
            var leftW = (float)(leftPos - leftIndex);
            var rightPos = (1 - frac) * Phases;
            var rightIndex = (int)rightPos;
            var rightW = (float)(rightPos - rightIndex);
            float sum = 0;
            var lastLeft = Math.Min(_halfWidth - 1, center);
            for (var m = 0; m <= lastLeft; m++)
            {
                var i = (m * Phases) + leftIndex;
                sum += input[center - m] * (table[i] + ((table[i + 1] - table[i]) * leftW));
            }

            var lastRight = Math.Min(_halfWidth - 1, input.Length - 1 - center - 1);
            for (var m = 0; m <= lastRight; m++)
            {
                var i = (m * Phases) + rightIndex;
                sum += input[center + 1 + m] * (table[i] + ((table[i + 1] - table[i]) * rightW));
            }

            output[j] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
        }
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Blackman(double x) => x >= 1 ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * x)) + (0.08 * Math.Cos(2 * Math.PI * x));
}
