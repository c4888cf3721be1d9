using System.Runtime.Intrinsics;

namespace Vms.Media.Dtmf;

/// <summary>
/// In-band DTMF detection (Goertzel) on 8 kHz linear audio, for peers that send tones instead of
/// telephone-events. Blocks of 205 samples (≈ 25.6 ms, 39 Hz bins); a digit is reported once, when it has
/// been present in two consecutive blocks, and may repeat only after two blocks without it.
/// Checks: minimum level, each group's peak 6 dB above the group's other tones, twist within +4/−8 dB, and
/// the two tones holding most of the block's energy.
/// </summary>
/// <remarks>
/// <para>
/// Level gate: a block whose RMS is below <see cref="MinimumBlockRms"/> (≈ −38 dBm0) is silence for the detector and
/// the eight-filter bank does not run on it (its energy is summed while the block fills, so a quiet block
/// costs one multiply-add per sample). ITU-T Q.24 asks receivers to accept each tone down to about −25 dBm0
/// (−27 in some administrations), i.e. a key press of at least −22 dBm0 for the pair (still ≈ −24.4 dBm0 with
/// the 8 dB twist the detector allows). The gate sits 14–16 dB below that, at −38 dBm0 for the whole block,
/// which leaves room for trunk losses and G.711 quantisation, rejects only line noise and pauses, and is the
/// level the detector always refused (RMS 200 of 16-bit full scale), so no detection result changes.
/// </para>
/// <para>
/// The bank itself runs the eight Goertzel filters side by side (four 2-lane vectors, the same arithmetic per
/// filter, so the powers are bit-identical to running them one after another) instead of eight passes.
/// Nothing is allocated per block.
/// </para>
/// </remarks>
public sealed class DtmfToneDetector
{
    /// <summary>RMS of a 0 dBm0 sine in 16-bit linear G.711 samples (µ-law: 8159 × 4 peak is +3.17 dBm0).</summary>
    internal const double ZeroDbm0Rms = 16_000;

    /// <summary>Block RMS (16-bit linear) below which the bank does not run: 200, ≈ −38 dBm0.</summary>
    internal const double MinimumBlockRms = 200;

    private const int BlockSize = 205;
    private static readonly double[] Rows = [697, 770, 852, 941];
    private static readonly double[] Cols = [1209, 1336, 1477, 1633];
    private static readonly double[] Coefficients = [.. Rows.Concat(Cols).Select(f => 2 * Math.Cos(2 * Math.PI * f / 8000))];
    private static readonly char[,] Keys = { { '1', '2', '3', 'A' }, { '4', '5', '6', 'B' }, { '7', '8', '9', 'C' }, { '*', '0', '#', 'D' } };
    private const double MinimumEnergy = MinimumBlockRms * MinimumBlockRms * BlockSize;

    private readonly double[] _block = new double[BlockSize];
    private readonly double[] _power = new double[8];
    private double _energy;
    private int _filled;
    private char _candidate;
    private int _candidateBlocks;
    private int _silentBlocks;
    private bool _reported;

    /// <summary>Raised once per detected key press.</summary>
    public event Action<char>? DigitDetected;

    /// <summary>Blocks analysed so far (tests).</summary>
    internal long Blocks { get; private set; }

    /// <summary>Blocks that passed the level gate and ran the filter bank (tests).</summary>
    internal long BankRuns { get; private set; }

    /// <summary>Feeds 8 kHz linear samples.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        var block = _block;
        var filled = _filled;
        var energy = _energy;
        foreach (var s in samples)
        {
            double x = s;
            block[filled++] = x;
            energy += x * x;
            if (filled == BlockSize)
            {
                filled = 0;
                _energy = energy;
                energy = 0;
                OnBlock(Analyse());
            }
        }

        _filled = filled;
        _energy = energy;
    }

    private char Analyse()
    {
        Blocks++;
        var energy = _energy;
        if (energy < MinimumEnergy)
        {
            return '\0';
        }

        BankRuns++;
        RunBank();
        var row = Peak(0);
        var col = Peak(4);
        if (row < 0 || col < 0)
        {
            return '\0';
        }

        var rowPower = _power[row];
        var colPower = _power[4 + col];
        if (colPower > rowPower * 2.5 || rowPower > colPower * 6.3)
        {
            return '\0'; // twist: column may exceed row by 4 dB, row exceed column by 8 dB
        }

        var norm = energy * BlockSize / 2;
        return (rowPower + colPower) / norm > 0.6 ? Keys[row, col] : '\0';
    }

    /// <summary>
    /// The eight Goertzel filters in one pass (four independent 2-lane chains, accelerated on x64 and Arm64):
    /// s0 = x + c·s1 − s2 per filter, power = s1² + s2² − c·s1·s2 at the end.
    /// </summary>
    private void RunBank()
    {
        var c = Coefficients;
        var c0 = Vector128.Create(c[0], c[1]);
        var c1 = Vector128.Create(c[2], c[3]);
        var c2 = Vector128.Create(c[4], c[5]);
        var c3 = Vector128.Create(c[6], c[7]);
        Vector128<double> a1 = default, a2 = default, b1 = default, b2 = default, d1 = default, d2 = default, e1 = default, e2 = default;
        foreach (var sample in _block)
        {
            var x = Vector128.Create(sample);
            var a0 = (x + (c0 * a1)) - a2;
            var b0 = (x + (c1 * b1)) - b2;
            var d0 = (x + (c2 * d1)) - d2;
            var e0 = (x + (c3 * e1)) - e2;
            a2 = a1;
            a1 = a0;
            b2 = b1;
            b1 = b0;
            d2 = d1;
            d1 = d0;
            e2 = e1;
            e1 = e0;
        }

        var power = _power.AsSpan();
        ((a1 * a1) + (a2 * a2) - (c0 * a1 * a2)).CopyTo(power);
        ((b1 * b1) + (b2 * b2) - (c1 * b1 * b2)).CopyTo(power[2..]);
        ((d1 * d1) + (d2 * d2) - (c2 * d1 * d2)).CopyTo(power[4..]);
        ((e1 * e1) + (e2 * e2) - (c3 * e1 * e2)).CopyTo(power[6..]);
    }

    private int Peak(int offset)
    {
        var best = offset;
        for (var i = offset + 1; i < offset + 4; i++)
        {
            if (_power[i] > _power[best])
            {
                best = i;
            }
        }

        for (var i = offset; i < offset + 4; i++)
        {
            if (i != best && _power[i] * 4 > _power[best])
            {
                return -1;
            }
        }

        return best - offset;
    }

    private void OnBlock(char key)
    {
        if (key == '\0')
        {
            if (++_silentBlocks >= 2)
            {
                _reported = false;
                _candidate = '\0';
                _candidateBlocks = 0;
            }

            return;
        }

        _silentBlocks = 0;
        if (key != _candidate)
        {
            _candidate = key;
            _candidateBlocks = 1;
            _reported = false;
            return;
        }

        if (++_candidateBlocks >= 2 && !_reported)
        {
            _reported = true;
            DigitDetected?.Invoke(key);
        }
    }
}
