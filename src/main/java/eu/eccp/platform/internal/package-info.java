@NullMarked
package eu.eccp.platform.internal;

import org.jspecify.annotations.NullMarked;
