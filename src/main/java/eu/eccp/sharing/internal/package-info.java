@NullMarked
package eu.eccp.sharing.internal;

import org.jspecify.annotations.NullMarked;
