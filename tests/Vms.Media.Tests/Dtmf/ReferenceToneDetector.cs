namespace Vms.Media.Tests.Dtmf;

/// <summary>
/// The in-band detector as it was before the level gate and the side-by-side filter bank (a plain energy pass,
/// then eight Goertzel passes): the reference the optimised <see cref="Media.Dtmf.DtmfToneDetector"/> must match.
/// </summary>
internal sealed class ReferenceToneDetector
{
    private const int BlockSize = 205;
    private static readonly double[] Coefficients = [.. new double[] { 697, 770, 852, 941, 1209, 1336, 1477, 1633 }.Select(f => 2 * Math.Cos(2 * Math.PI * f / 8000))];
    private static readonly char[,] Keys = { { '1', '2', '3', 'A' }, { '4', '5', '6', 'B' }, { '7', '8', '9', 'C' }, { '*', '0', '#', 'D' } };
    private readonly double[] _block = new double[BlockSize];
    private readonly double[] _power = new double[8];
    private int _filled;
    private char _candidate;
    private int _candidateBlocks;
    private int _silentBlocks;
    private bool _reported;

    public List<char> Digits { get; } = [];

    public void Process(ReadOnlySpan<short> samples)
    {
        foreach (var s in samples)
        {
            _block[_filled++] = s;
            if (_filled == BlockSize)
            {
                _filled = 0;
                OnBlock(Analyse());
            }
        }
    }

    private char Analyse()
    {
        double energy = 0;
        foreach (var x in _block)
        {
            energy += x * x;
        }

        if (energy < 200.0 * 200.0 * BlockSize)
        {
            return '\0';
        }

        for (var k = 0; k < 8; k++)
        {
            double s1 = 0, s2 = 0;
            var c = Coefficients[k];
            foreach (var x in _block)
            {
                var s0 = x + (c * s1) - s2;
                s2 = s1;
                s1 = s0;
            }

            _power[k] = (s1 * s1) + (s2 * s2) - (c * s1 * s2);
        }

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
            return '\0';
        }

        return (rowPower + colPower) / (energy * BlockSize / 2) > 0.6 ? Keys[row, col] : '\0';
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
            Digits.Add(key);
        }
    }
}
