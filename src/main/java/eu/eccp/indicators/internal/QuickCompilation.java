package eu.eccp.indicators.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Spares a short command line run the JVM's optimising compiler, without JVM options ({@code java -jar eccp.jar
 * extract} is started with none, like {@link HeapBound}): HotSpot's C2 compiles the scanner's large methods
 * (each its callees inlined) for several seconds of CPU, more than it wins back on an input of tens of MiB,
 * where the quick compiler's (C1) code finishes first. So, for inputs known to be at most {@link #LIMIT} (files,
 * and standard input redirected from one), one compiler directive is added through the JVM's diagnostic commands (the in-process
 * form of {@code jcmd PID Compiler.directives_add}) that leaves every method to C1.
 *
 * <p>Measured on 100 MiB of text (docs/benchmarks.md, "Extraction as a process"): 8.6 s of CPU with C2, 5.0 s
 * without, in the same wall time; on 400 MiB C2's code catches up on wall time (11.1 s against 14.9 s), which is
 * why larger inputs, and a pipe (whose size is not known), keep it.
 */
public final class QuickCompilation {

	/** The largest input (bytes) for which the optimising compiler is left out. */
	public static final long LIMIT = 128L << 20;

	private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

	private QuickCompilation() {
	}

	/** Whether an input of {@code bytes} (negative when not known) is read with the quick compiler alone. */
	public static boolean suits(long bytes) {
		return bytes >= 0 && bytes <= LIMIT;
	}

	/**
	 * Leaves every method of this JVM to the quick compiler from now on; returns whether the JVM took the
	 * directive (not HotSpot, or the diagnostic commands refused: the run goes on with both compilers).
	 */
	public static boolean start() {
		Path file = null;
		try {
			file = Files.createTempFile("eccp-compiler-directive", ".json");
			Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
			MBeanServer server = ManagementFactory.getPlatformMBeanServer();
			Object result = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
					"compilerDirectivesAdd", new Object[] { new String[] { file.toString() } },
					new String[] { String[].class.getName() });
			return String.valueOf(result).contains("1 compiler directives added");
		}
		catch (IOException | JMException | RuntimeException | LinkageError e) {
			return false;
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					// a temporary file of 44 bytes
				}
			}
		}
	}
}
