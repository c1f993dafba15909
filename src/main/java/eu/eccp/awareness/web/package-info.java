@NullMarked
package eu.eccp.awareness.web;

import org.jspecify.annotations.NullMarked;
