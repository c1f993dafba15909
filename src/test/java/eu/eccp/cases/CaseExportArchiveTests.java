package eu.eccp.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * A case export unpacks with any unzip and verifies with {@code sha256sum -c SHA256SUMS}, whatever the
 * evidence files were called: names in the archive are plain ASCII (flagged UTF-8), the original names are
 * in the manifest, and SHA256SUMS lists exactly the files in the archive.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-case-export-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseExportArchiveTests {

	static final List<String> NAMES = List.of("Relevé de compte — Zürich.txt", "照片.txt", "naïve notes (copy) #2.log",
			"plain-name.txt");

	@Autowired
	MockMvc mvc;

	byte[] exportWithNonAsciiNames() throws Exception {
		String token = DemoTokens.token(mvc, "fr.analyst");
		String created = mvc.perform(DemoTokens.bearer(post("/api/v1/cases"), token).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"Export names","summary":"Evidence with accented names","offences":["PHISHING"],"tlp":"AMBER"}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.caseFile.id");
		for (String name : NAMES) {
			mvc.perform(DemoTokens.bearer(multipart("/api/v1/cases/" + id + "/evidence"), token)
				.file(new MockMultipartFile("file", name, "text/plain", ("content of " + name).getBytes(StandardCharsets.UTF_8)))
				.param("description", "seized").param("tlp", "AMBER")).andExpect(status().isCreated());
		}
		return mvc.perform(DemoTokens.bearer(get("/api/v1/cases/" + id + "/export"), token).param("reason", "for the court"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	static Map<String, byte[]> entries(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/** The general-purpose flags of every entry in the central directory. */
	static List<Integer> centralDirectoryFlags(byte[] zip) {
		ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		int end = zip.length - 22;
		while (bytes.getInt(end) != 0x06054b50) {
			end--;
		}
		int count = Short.toUnsignedInt(bytes.getShort(end + 10));
		int at = bytes.getInt(end + 16);
		List<Integer> flags = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			assertThat(bytes.getInt(at)).isEqualTo(0x02014b50);
			flags.add(Short.toUnsignedInt(bytes.getShort(at + 8)));
			at += 46 + Short.toUnsignedInt(bytes.getShort(at + 28)) + Short.toUnsignedInt(bytes.getShort(at + 30))
					+ Short.toUnsignedInt(bytes.getShort(at + 32));
		}
		return flags;
	}

	static List<String> sumsNames(Map<String, byte[]> entries) {
		return new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8).lines().map(l -> l.substring(66)).toList();
	}

	@Test
	void namesInTheArchiveArePlainAsciiFlaggedUtf8AndTheOriginalsAreInTheManifest() throws Exception {
		byte[] zip = exportWithNonAsciiNames();
		Map<String, byte[]> entries = entries(zip);

		assertThat(entries.keySet()).allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9._/-]+"));
		assertThat(entries.keySet()).anySatisfy(name -> assertThat(name).endsWith("/Releve_de_compte_Zurich.txt"))
			.anySatisfy(name -> assertThat(name).endsWith("/evidence.txt"))
			.anySatisfy(name -> assertThat(name).endsWith("/naive_notes_copy_2.log"))
			.anySatisfy(name -> assertThat(name).endsWith("/plain-name.txt"));
		assertThat(centralDirectoryFlags(zip)).hasSize(entries.size()).allSatisfy(flag -> assertThat(flag & 0x800).isNotZero());

		String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(manifest, "$.files[*].fileName")).containsExactlyInAnyOrderElementsOf(NAMES);
		List<String> paths = JsonPath.read(manifest, "$.files[*].path");
		assertThat(entries.keySet()).containsAll(paths);
		for (String path : paths) {
			String original = JsonPath.<List<String>>read(manifest, "$.files[?(@.path == '" + path + "')].fileName").get(0);
			assertThat(new String(entries.get(path), StandardCharsets.UTF_8)).isEqualTo("content of " + original);
		}
	}

	@Test
	void sha256sumsListsExactlyTheFilesInTheArchive() throws Exception {
		Map<String, byte[]> entries = entries(exportWithNonAsciiNames());
		List<String> expected = new ArrayList<>(entries.keySet());
		expected.removeAll(List.of("manifest.json", "SHA256SUMS"));
		assertThat(sumsNames(entries)).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void unzipsWithDebiansUnzipInACLocaleAndVerifiesWithSha256sum(@TempDir Path dir) throws Exception {
		assumeThat(onPath("unzip") && onPath("sha256sum")).as("unzip and sha256sum are installed").isTrue();
		Path zip = dir.resolve("export.zip");
		Files.write(zip, exportWithNonAsciiNames());
		Path unpacked = Files.createDirectory(dir.resolve("unpacked"));

		assertThat(run(dir, "unzip", "-q", zip.toString(), "-d", unpacked.toString()).exitCode()).isZero();
		Result check = run(unpacked, "sha256sum", "-c", "SHA256SUMS");
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output().lines()).hasSize(NAMES.size() + 1).allSatisfy(line -> assertThat(line).endsWith(": OK"));
	}

	record Result(int exitCode, String output) {
	}

	static Result run(Path dir, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().put("LC_ALL", "C");
		builder.environment().put("LANG", "C");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	static boolean onPath(String program) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
	}
}
