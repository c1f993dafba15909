package eu.eccp.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.eccp.blocklist.isp.ExpressionHash;
import eu.eccp.blocklist.isp.HashedBlockList;
import eu.eccp.blocklist.isp.LocalCopy;

/** The jar's {@code blocklist} command dispatches to sync and check without Spring or a database. */
class BlockListCommandTests {

	@TempDir
	Path dir;

	@Test
	void checksUrlsGivenAsArgumentsAgainstTheLocalCopy() throws Exception {
		new LocalCopy(dir).write(new LocalCopy.Copy("DE", 1, Instant.now(), HashedBlockList.of(
				new byte[][] { ExpressionHash.of("evil.example/") }, new long[] { 1 },
				new int[] { ExpressionHash.hostKey("evil.example/") })));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = BlockListCommand.run(new String[] { "check", "--dir=" + dir, "https://www.evil.example/x", "https://good.example/" },
				new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), System.err, Map.of());
		assertThat(code).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly("OK message=0000000001", "ERR");
	}

	@Test
	void explainsItsUsageForAnUnknownSubcommand() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = BlockListCommand.run(new String[] { "frobnicate" }, new ByteArrayInputStream(new byte[0]),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), Map.of());
		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("blocklist sync --url=", "blocklist check --dir=");
	}

	@Test
	void syncNeedsUrlDirAndToken() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = BlockListCommand.run(new String[] { "sync", "--dir=" + dir }, new ByteArrayInputStream(new byte[0]),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), Map.of());
		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url", "--token");
	}
}
