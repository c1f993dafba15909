package eu.eccp.blocklist.isp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blocklist check} over a local copy, in Squid's external ACL line protocol. */
class CheckCommandTests {

	@TempDir
	Path dir;

	static final long REF = ReferenceCode.parse("7K3F9Q2XAB");

	@BeforeEach
	void copy() throws IOException {
		HashedBlockList list = HashedBlockList.of(
				new byte[][] { ExpressionHash.of("host.example/abuse/gallery/"), ExpressionHash.of("dedicated.example/") },
				new long[] { REF, 5 },
				new int[] { ExpressionHash.hostKey("host.example/"), ExpressionHash.hostKey("dedicated.example/") });
		new LocalCopy(dir).write(new LocalCopy.Copy("DE", 4, Instant.now(), list));
	}

	String stdin(String lines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = CheckCommand.run(List.of("--dir=" + dir), new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true), System.err);
		assertThat(code).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void blocksTheUrlAndItsVariantsButNotASiblingPath() {
		String answers = stdin("""
				http://host.example/abuse/gallery/1.jpg
				HTTP://HOST.EXAMPLE/abuse/gallery/1.jpg
				http://host.example:80/abuse/gallery/
				https://host.example:443/abuse/gallery/x
				http://host.example./abuse/gallery/x
				http://host.example/%61buse/gallery/x
				http://host.example/abuse/./gallery//x?y=1#top
				http://host.example/abuse/other/1.jpg
				http://host.example/abuse/
				http://host.example/
				http://sub.dedicated.example/a/b
				""");
		String ok = "OK message=7K3F9Q2XAB";
		assertThat(answers.lines().toList()).containsExactly(ok, ok, ok, ok, ok, ok, ok, "ERR", "ERR", "ERR",
				"OK message=" + ReferenceCode.format(5));
	}

	@Test
	void echoesSquidsChannelIdsAndIgnoresExtraTokens() {
		assertThat(stdin("0 http://host.example/abuse/gallery/ 10.0.0.1/- - GET\n17 http://other.example/\n\n").lines())
			.containsExactly("0 OK message=7K3F9Q2XAB", "17 ERR", "ERR");
	}

	@Test
	void answersForArgumentsAndExitsOneWhenOneIsBlocked() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = CheckCommand.run(List.of("--dir=" + dir, "http://a.example/", "http://dedicated.example/x"),
				new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), System.err);
		assertThat(code).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly("ERR", "OK message=0000000005");
	}

	@Test
	void refusesToRunWithoutACopy(@TempDir Path empty) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CheckCommand.run(List.of("--dir=" + empty, "http://a.example/"), new ByteArrayInputStream(new byte[0]),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
		assertThat(code).isEqualTo(SyncCommand.CANNOT_RUN);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("blocklist sync");
	}
}
