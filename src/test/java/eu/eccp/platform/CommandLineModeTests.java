package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.eccp.EccpApplication;

/** The jar's command-line mode runs a command against the database, without the web server. */
class CommandLineModeTests {

	private static final String[] TEST_DATABASE = { "--eccp.embedded-database.temporary=true",
			"--eccp.embedded-database.name=cli_test", "--spring.main.web-application-type=none",
			"--eccp.data-dir=" + temporaryDataDir() };

	private static String temporaryDataDir() {
		try {
			return Files.createTempDirectory("eccp-cli-tests").toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	ByteArrayOutputStream out = new ByteArrayOutputStream();
	ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		String[] all = new String[args.length + TEST_DATABASE.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(TEST_DATABASE, 0, all, args.length, TEST_DATABASE.length);
		return CommandLineMode.run(EccpApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void tellsCommandsApartFromOptions() {
		assertThat(CommandLineMode.isCommand(new String[] { "audit-verify" })).isTrue();
		assertThat(CommandLineMode.isCommand(new String[] { "--eccp.demo=true" })).isFalse();
		assertThat(CommandLineMode.isCommand(new String[0])).isFalse();
	}

	@Test
	void createsAnAdministratorAndVerifiesTheAuditTrail() {
		InputStream stdin = System.in;
		try {
			System.setIn(new ByteArrayInputStream("Sufficiently-Long-Secret-42\n".getBytes(StandardCharsets.UTF_8)));
			assertThat(run("create-admin", "--username=ops.admin")).isZero();
		}
		finally {
			System.setIn(stdin);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("administrator 'ops.admin' created");

		assertThat(run("audit-verify")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit trail intact");
	}

	@Test
	void refusesAShortAdministratorPassword() {
		InputStream stdin = System.in;
		try {
			System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
			assertThat(run("create-admin", "--username=weak.admin")).isEqualTo(2);
		}
		finally {
			System.setIn(stdin);
		}
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("password not accepted");
	}

	@Test
	void extractRunsWithoutSpringOrADatabase() {
		InputStream stdin = System.in;
		try {
			System.setIn(new ByteArrayInputStream("C2 at hxxp://evil-domain[.]com/gate".getBytes(StandardCharsets.UTF_8)));
			// an "application" that Spring could not run: the command must not even try
			int status = CommandLineMode.run(String.class, new String[] { "extract" },
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(status).isZero();
		}
		finally {
			System.setIn(stdin);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"type\":\"URL\",\"value\":\"http://evil-domain.com/gate\"");
	}

	@Test
	void auditVerifyExitsOneWhenTheChainDoesNotMatchItsCheckpoints(@TempDir Path dir) throws IOException {
		Path edited = Files.writeString(dir.resolve("checkpoints.jsonl"), "{\"format\":\"eccp-audit-checkpoint/1\",\"seq\":\n");

		assertThat(run("audit-verify", "--checkpoints=" + edited)).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("audit trail BROKEN").contains("cannot be read");
	}

	@Test
	void auditVerifyExitsTwoOnABadArgument() {
		assertThat(run("audit-verify", "--checkpoints=/no/such/file.jsonl")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the checkpoint file");
		assertThat(run("audit-verify", "--everything")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--everything'");
	}

	@Test
	void auditVerifyExitsTwoWhenThereIsNoDatabase() {
		// a PostgreSQL that is not there: the discard port of the loopback address
		assertThat(run("audit-verify", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/eccp",
				"--spring.datasource.hikari.connection-timeout=1000")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot run 'audit-verify'");
	}

	@Test
	void anUnknownCommandListsTheCommands() {
		assertThat(run("no-such-command")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("audit-verify").contains("create-admin").contains("extract");
	}
}
