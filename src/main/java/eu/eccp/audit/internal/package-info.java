@NullMarked
package eu.eccp.audit.internal;

import org.jspecify.annotations.NullMarked;
