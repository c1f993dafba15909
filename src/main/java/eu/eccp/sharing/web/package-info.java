@NullMarked
package eu.eccp.sharing.web;

import org.jspecify.annotations.NullMarked;
