package eu.eccp.indicators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Bytes to characters as they stream in: UTF-8 (a leading byte-order mark skipped), and a byte that does not
 * start a well-formed UTF-8 sequence read as ISO-8859-1, so that a Latin-1 or Windows file, or a UTF-8 file
 * with a few stray bytes, reads as its writer meant without holding the whole file to decide first.
 *
 * <p>Hand-written rather than a {@link java.nio.charset.CharsetDecoder} because the JDK's decoders can only
 * replace a malformed sequence by a fixed character, not by the byte's Latin-1 reading; ASCII runs are
 * copied in a tight loop.
 */
final class TextDecoder extends Reader {

	private final InputStream in;
	private final byte[] bytes = new byte[1 << 16];
	private int position;
	private int limit;
	private boolean end;
	private boolean started;
	/** The low surrogate of a supplementary character whose high one was returned last. */
	private char pendingLow;

	TextDecoder(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] out, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		int o = offset;
		int limitOut = offset + length;
		if (pendingLow != 0) {
			out[o++] = pendingLow;
			pendingLow = 0;
		}
		while (o < limitOut) {
			if (limit - position < 4 && !end) {
				fill();
			}
			if (position >= limit) {
				break;
			}
			byte[] b = bytes;
			int p = position;
			int available = limit;
			// ASCII: the common case
			while (o < limitOut && p < available && b[p] >= 0) {
				out[o++] = (char) b[p++];
			}
			position = p;
			if (o >= limitOut || p >= available) {
				continue;
			}
			if (limit - position < 4 && !end) {
				fill();
				p = position;
			}
			int lead = b[p] & 0xff;
			int remaining = limit - p;
			int codePoint = -1;
			int size = 1;
			if (lead >= 0xC2 && lead <= 0xDF && remaining >= 2 && isContinuation(b[p + 1])) {
				codePoint = (lead & 0x1F) << 6 | b[p + 1] & 0x3F;
				size = 2;
			}
			else if (lead >= 0xE0 && lead <= 0xEF && remaining >= 3 && isContinuation(b[p + 1])
					&& isContinuation(b[p + 2])) {
				int c = (lead & 0x0F) << 12 | (b[p + 1] & 0x3F) << 6 | b[p + 2] & 0x3F;
				if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
					codePoint = c;
					size = 3;
				}
			}
			else if (lead >= 0xF0 && lead <= 0xF4 && remaining >= 4 && isContinuation(b[p + 1])
					&& isContinuation(b[p + 2]) && isContinuation(b[p + 3])) {
				int c = (lead & 0x07) << 18 | (b[p + 1] & 0x3F) << 12 | (b[p + 2] & 0x3F) << 6 | b[p + 3] & 0x3F;
				if (c >= 0x10000 && c <= 0x10FFFF) {
					codePoint = c;
					size = 4;
				}
			}
			if (codePoint < 0) {
				out[o++] = (char) lead; // not UTF-8: the byte as ISO-8859-1
			}
			else if (codePoint < 0x10000) {
				out[o++] = (char) codePoint;
			}
			else {
				out[o++] = Character.highSurrogate(codePoint);
				if (o < limitOut) {
					out[o++] = Character.lowSurrogate(codePoint);
				}
				else {
					pendingLow = Character.lowSurrogate(codePoint);
				}
			}
			position = p + size;
		}
		return o == offset ? -1 : o - offset;
	}

	private static boolean isContinuation(byte b) {
		return (b & 0xC0) == 0x80;
	}

	private void fill() throws IOException {
		if (position > 0) {
			System.arraycopy(bytes, position, bytes, 0, limit - position);
			limit -= position;
			position = 0;
		}
		while (limit < bytes.length) {
			int read = in.read(bytes, limit, bytes.length - limit);
			if (read < 0) {
				end = true;
				break;
			}
			limit += read;
			if (limit >= 4) {
				break;
			}
		}
		if (!started && (limit >= 3 || end)) {
			started = true;
			if (limit >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
				position = 3;
			}
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
