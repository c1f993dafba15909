@NullMarked
package eu.eccp.awareness.internal;

import org.jspecify.annotations.NullMarked;
